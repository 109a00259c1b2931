using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatCoach.Discord.Emulator.RateLimits;
using ChatCoach.Discord.Emulator.State;

namespace ChatCoach.Discord.Emulator.Rest;

/// <summary>
/// Every REST request goes through the same steps Discord applies: route lookup in the spec,
/// bot-token check, rate limits, injected faults, body parsing and schema validation, then the
/// route's handler. Every response carries rate-limit headers; every request is recorded.
/// </summary>
/// <remarks>
/// Ordering that tests rely on: the request is copied out of the HttpContext before anything else,
/// its handler and its recording run under <see cref="EmulatorCore.Gate"/> in one go, and the response
/// is written only after that. So whoever sees a request's effects (a test woken by the message it
/// created, or the bot reading the response) finds the finished <see cref="RecordedRequest"/>.
/// </remarks>
internal sealed partial class RestPipeline(EmulatorCore core, RouteTable routes)
{
    private int _userAgentReported;
    private long _sequence;

    public async Task HandleAsync(HttpContext http)
    {
        var exchange = new Exchange(IncomingRequest.Capture(http.Request), core.Time.GetUtcNow());
        RestResult? result;
        lock (core.Gate)
        {
            result = Admit(exchange, http.Response);
            if (result is not null)
            {
                Record(exchange, ParsedBody.None, result);
            }
        }

        if (result is null)
        {
            // Outside the gate: reading the body waits on the client. Files are copied into the ParsedBody here.
            var body = await RequestBodyReader.ReadAsync(http.Request, http.RequestAborted);
            if (core.HttpDelivery is { } delivery)
            {
                await delivery.AnsweredAsync(exchange.Relative!, http.RequestAborted);
            }

            var method = exchange.Request.Method;
            if (core.Faults.TakeHold(method, exchange.Relative!) is { } held && !await held.WaitAsync(http.RequestAborted))
            {
                return; // the client went away while held: the request was never processed
            }

            lock (core.Gate)
            {
                result = Run(exchange, body);
                Record(exchange, body, result);
            }

            switch (core.Faults.TakeAfter(method, exchange.Relative!))
            {
                case AfterwardsFault.ConnectionDrop:
                    http.Abort();
                    return;
                case AfterwardsFault.ServerError:
                    result = DiscordErrors.InjectedFailure(500);
                    break;
                default:
                    break;
            }
        }

        core.InvalidRequests.Count(result.Status, exchange.Now);
        await WriteAsync(http.Response, result);
    }

    /// <summary>Routing, authentication, rate limits and injected faults; null when the request goes on to its handler.</summary>
    private RestResult? Admit(Exchange exchange, HttpResponse response)
    {
        var request = exchange.Request;
        CheckUserAgent(exchange);
        var relative = RelativePath(exchange, out var versionError);
        var route = relative is null ? null : core.Spec.Match(relative);
        if (versionError is not null)
        {
            return versionError;
        }

        if (route is null || relative is null)
        {
            return DiscordErrors.NotFound();
        }

        exchange.Template = route.Template;
        exchange.Relative = relative;
        if (!route.Route.Operations.TryGetValue(request.Method, out var operation))
        {
            return DiscordErrors.MethodNotAllowed();
        }

        exchange.Route = route;
        exchange.Operation = operation;
        if ((!operation.AllowsAnonymous || request.Authorization.Length > 0) && !exchange.AuthorizationValid(core.Options.Token))
        {
            return DiscordErrors.Unauthorized();
        }

        var decision = core.RateLimiter.Acquire(request.Method, relative, route, exchange.Now);
        exchange.Outcome = decision.Outcome;
        if (decision.Bucket is { } bucket && decision.Allowed)
        {
            RateLimitHeaders.WriteBucket(response, bucket, exchange.Now);
        }

        if (!decision.Allowed)
        {
            var tooMany = RateLimitHeaders.WriteTooManyRequests(response, decision, exchange.Now);
            if (decision.Outcome == RateLimitOutcome.Violation)
            {
                exchange.Violations.Add((ViolationKind.RateLimitExceeded, $"{request.Method} {request.Path}: sent while {(decision.Global ? "the global limit" : $"bucket {decision.Bucket?.Hash}")} was exhausted ({decision.RetryAfter.TotalMilliseconds:0} ms left)"));
            }

            return new RestResult(429, tooMany);
        }

        return core.Faults.Take(request.Method, relative) is { } failure ? DiscordErrors.InjectedFailure(failure) : null;
    }

    private RestResult Run(Exchange exchange, ParsedBody body)
    {
        try
        {
            return body.Error ?? Validate(exchange.Request.Method, exchange.Route!, exchange.Operation!.HasJsonBody, body) ?? Handle(exchange, body);
        }
#pragma warning disable CA1031 // An emulator bug must surface as a readable 500, not a dropped connection.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new RestResult(500, new JsonObject { ["message"] = "500: Internal Server Error", ["code"] = 0, ["emulator_error"] = e.ToString() });
        }
    }

    /// <summary>Reports the request's violations and appends its record; called under <see cref="EmulatorCore.Gate"/>.</summary>
    private void Record(Exchange exchange, ParsedBody body, RestResult result)
    {
        var request = exchange.Request;
        foreach (var (kind, detail) in exchange.Violations)
        {
            core.Violation(kind, detail);
        }

        if (result.Violation is { } violation && exchange.Outcome != RateLimitOutcome.Injected)
        {
            core.Violation(violation, $"{request.Method} {request.Path}: {result.ViolationDetail}");
        }

        core.Requests.Add(new RecordedRequest
        {
            Sequence = Interlocked.Increment(ref _sequence),
            Time = exchange.Now,
            Method = request.Method,
            Path = request.Path,
            Route = exchange.Template,
            Query = request.QueryString,
            Headers = request.Headers,
            HadAuthorization = request.Authorization.Length > 0,
            AuthorizationValid = exchange.AuthorizationValid(core.Options.Token),
            Body = body.RawJson,
            Files = body.Files,
            Status = result.Status,
            ResponseBody = result.Body is null ? null : Wire.Serialize(result.Body),
            RateLimit = exchange.Outcome,
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

    private RestResult Handle(Exchange exchange, ParsedBody body)
    {
        var route = exchange.Route!;
        var handler = routes.Find(exchange.Request.Method, route.Template);
        if (handler is null)
        {
            return RestResult.Error(404, 0, "404: Not Found", ViolationKind.UnimplementedRoute) with
            {
                ViolationDetail = $"the emulator does not implement {exchange.Request.Method} {route.Template}",
            };
        }

        return handler(new RestCall { Request = exchange.Request, Route = route, Now = exchange.Now, Body = body.Json, Files = body.Files });
    }

    /// <summary>Strips <c>/api/v10</c> (or the unversioned <c>/api</c>, which is reported).</summary>
    private static string? RelativePath(Exchange exchange, out RestResult? versionError)
    {
        var path = exchange.Request.Path;
        versionError = null;
        if (!path.StartsWith("/api/", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = path["/api".Length..];
        var version = VersionSegment().Match(rest);
        if (!version.Success)
        {
            exchange.Violations.Add((ViolationKind.UnversionedApiPath, $"{path}: put /v10 in the path"));
            return rest;
        }

        if (version.Groups[1].Value != "10")
        {
            versionError = DiscordErrors.InvalidApiVersion();
        }

        return rest[version.Length..];
    }

    private void CheckUserAgent(Exchange exchange)
    {
        var userAgent = exchange.Request.UserAgent;
        if (!userAgent.StartsWith("DiscordBot (", StringComparison.Ordinal) && Interlocked.Exchange(ref _userAgentReported, 1) == 0)
        {
            exchange.Violations.Add((ViolationKind.MissingUserAgent, $"User-Agent \"{userAgent}\" is not \"DiscordBot (url, version)\" (reported once)"));
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

    /// <summary>One request on its way through the pipeline.</summary>
    private sealed class Exchange(IncomingRequest request, DateTimeOffset now)
    {
        public IncomingRequest Request { get; } = request;

        public DateTimeOffset Now { get; } = now;

        /// <summary>OpenAPI template matched, recorded even when the method is not allowed.</summary>
        public string? Template { get; set; }

        /// <summary>Set once the request is known to reach its handler's route and method.</summary>
        public Schema.RouteMatch? Route { get; set; }

        public Schema.SpecOperation? Operation { get; set; }

        /// <summary>The path below the API base, once the route is known.</summary>
        public string? Relative { get; set; }

        public RateLimitOutcome Outcome { get; set; } = RateLimitOutcome.None;

        /// <summary>Found before the handler ran; reported together with the record, not before it.</summary>
        public List<(ViolationKind Kind, string Detail)> Violations { get; } = [];

        public bool AuthorizationValid(string token) => Request.Authorization == $"Bot {token}";
    }
}
