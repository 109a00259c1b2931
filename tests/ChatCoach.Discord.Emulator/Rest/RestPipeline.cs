using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatCoach.Discord.Emulator.State;

namespace ChatCoach.Discord.Emulator.Rest;

/// <summary>
/// Every REST request goes through the same steps Discord applies: route lookup in the spec,
/// bot-token check, rate limits, injected faults, body parsing and schema validation, then the
/// route's handler. Every response carries rate-limit headers; every request is recorded.
/// </summary>
internal sealed partial class RestPipeline(EmulatorCore core, RouteTable routes)
{
    private int _userAgentReported;
    private long _sequence;

    public async Task HandleAsync(HttpContext http)
    {
        var now = core.Time.GetUtcNow();
        var request = http.Request;
        var method = request.Method.ToUpperInvariant();
        var path = request.Path.Value ?? "/";
        var authorization = request.Headers.Authorization.ToString();
        var authorizationValid = authorization == $"Bot {core.Options.Token}";
        ParsedBody body = ParsedBody.None;
        RestResult result;
        var outcome = RateLimitOutcome.None;
        string? template = null;

        CheckUserAgent(request);
        var relative = RelativePath(path, out var versionError);
        var route = relative is null ? null : core.Spec.Match(relative);
        if (versionError is not null)
        {
            result = versionError;
        }
        else if (route is null || relative is null)
        {
            result = DiscordErrors.NotFound();
        }
        else if (!route.Route.Operations.TryGetValue(method, out var operation))
        {
            template = route.Template;
            result = DiscordErrors.MethodNotAllowed();
        }
        else
        {
            template = route.Template;
            if ((!operation.AllowsAnonymous || authorization.Length > 0) && !authorizationValid)
            {
                result = DiscordErrors.Unauthorized();
            }
            else
            {
                var decision = core.RateLimiter.Acquire(method, relative, route, now);
                outcome = decision.Outcome;
                if (decision.Bucket is { } bucket && decision.Allowed)
                {
                    RateLimitHeaders.WriteBucket(http.Response, bucket, now);
                }

                if (!decision.Allowed)
                {
                    var tooMany = RateLimitHeaders.WriteTooManyRequests(http.Response, decision, now);
                    result = new RestResult(429, tooMany);
                    if (decision.Outcome == RateLimitOutcome.Violation)
                    {
                        core.Violation(ViolationKind.RateLimitExceeded, $"{method} {path}: sent while {(decision.Global ? "the global limit" : $"bucket {decision.Bucket?.Hash}")} was exhausted ({decision.RetryAfter.TotalMilliseconds:0} ms left)");
                    }
                }
                else if (core.Faults.Take(method, relative) is { } failure)
                {
                    result = DiscordErrors.InjectedFailure(failure);
                }
                else
                {
                    body = await RequestBodyReader.ReadAsync(request, http.RequestAborted);
                    try
                    {
                        result = body.Error ?? Validate(method, route, operation.HasJsonBody, body) ?? Handle(http, method, route, body, now);
                    }
#pragma warning disable CA1031 // An emulator bug must surface as a readable 500, not a dropped connection.
                    catch (Exception e)
#pragma warning restore CA1031
                    {
                        result = new RestResult(500, new JsonObject { ["message"] = "500: Internal Server Error", ["code"] = 0, ["emulator_error"] = e.ToString() });
                    }
                }
            }
        }

        if (result.Violation is { } violation && outcome != RateLimitOutcome.Injected)
        {
            core.Violation(violation, $"{method} {path}: {result.ViolationDetail}");
        }

        await WriteAsync(http.Response, result);
        core.Requests.Add(new RecordedRequest
        {
            Sequence = Interlocked.Increment(ref _sequence),
            Time = now,
            Method = method,
            Path = path,
            Route = template,
            Query = request.QueryString.Value ?? string.Empty,
            Headers = request.Headers.ToDictionary(h => h.Key, h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) ? "[redacted]" : h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            HadAuthorization = authorization.Length > 0,
            AuthorizationValid = authorizationValid,
            Body = body.RawJson,
            Files = body.Files,
            Status = result.Status,
            ResponseBody = result.Body is null ? null : Wire.Serialize(result.Body),
            RateLimit = outcome,
        });
    }

    private RestResult? Validate(string method, Schema.RouteMatch route, bool hasJsonBody, ParsedBody body)
    {
        if (!hasJsonBody)
        {
            return null;
        }

        if (body.Json is null && body.RawJson is null)
        {
            return method is "POST" or "PUT" or "PATCH" ? DiscordErrors.InvalidJson() : null;
        }

        var schema = core.Spec.RequestSchema(route.Route, method);
        var errors = schema is null ? null : core.Validator.Validate(schema, Wire.ToElement(body.Json));
        return errors is null ? null : RestResult.InvalidForm(errors);
    }

    private RestResult Handle(HttpContext http, string method, Schema.RouteMatch route, ParsedBody body, DateTimeOffset now)
    {
        var handler = routes.Find(method, route.Template);
        if (handler is null)
        {
            return RestResult.Error(404, 0, "404: Not Found", ViolationKind.UnimplementedRoute) with
            {
                ViolationDetail = $"the emulator does not implement {method} {route.Template}",
            };
        }

        return handler(new RestCall { Http = http, Method = method, Route = route, Now = now, Body = body.Json, Files = body.Files });
    }

    /// <summary>Strips <c>/api/v10</c> (or the unversioned <c>/api</c>, which is reported).</summary>
    private string? RelativePath(string path, out RestResult? versionError)
    {
        versionError = null;
        if (!path.StartsWith("/api/", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = path["/api".Length..];
        var version = VersionSegment().Match(rest);
        if (!version.Success)
        {
            core.Violation(ViolationKind.UnversionedApiPath, $"{path}: put /v10 in the path");
            return rest;
        }

        if (version.Groups[1].Value != "10")
        {
            versionError = DiscordErrors.InvalidApiVersion();
        }

        return rest[version.Length..];
    }

    private void CheckUserAgent(HttpRequest request)
    {
        var userAgent = request.Headers.UserAgent.ToString();
        if (!userAgent.StartsWith("DiscordBot (", StringComparison.Ordinal) && Interlocked.Exchange(ref _userAgentReported, 1) == 0)
        {
            core.Violation(ViolationKind.MissingUserAgent, $"User-Agent \"{userAgent}\" is not \"DiscordBot (url, version)\" (reported once)");
        }
    }

    private static async Task WriteAsync(HttpResponse response, RestResult result)
    {
        response.StatusCode = result.Status;
        if (result.Body is null || result.Status == 204)
        {
            return;
        }

        response.ContentType = "application/json";
        await response.WriteAsync(Wire.Serialize(result.Body));
    }

    [GeneratedRegex("^/v([0-9]+)(?=/|$)")]
    private static partial Regex VersionSegment();
}
