using System.Text.Json;
using ChatCoach.Core.Logging;
using ChatCoach.Discord.Coaching;
using ChatCoach.Discord.Interactions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatCoach.Http;

/// <summary>
/// <c>POST /interactions</c>: Discord's HTTP interactions transport. Checked in this order: size (413, before
/// anything is verified), signature and timestamp (401), JSON (400); a PING is answered PONG. Everything else takes
/// the one path the gateway takes too (<see cref="InteractionHandler"/>: claim, turn, outbox), and the HTTP response
/// is the interaction's initial answer, marked delivered once written.
/// </summary>
internal sealed partial class InteractionsEndpoint(
    InteractionSignature signature,
    InteractionHandler interactions,
    UserHasher users,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<InteractionsEndpoint> logger)
{
    /// <summary>Discord's interaction payloads are a few KiB; anything past this is not one.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var receivedAt = time.GetUtcNow();
        var request = context.Request;
        var response = context.Response;
        if (!HttpMethods.IsPost(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var body = request.ContentLength > MaxBodyBytes ? null : await ReadAsync(request.Body, context.RequestAborted);
        if (body is null)
        {
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (!signature.Verify(request.Headers["X-Signature-Ed25519"], request.Headers["X-Signature-Timestamp"], body))
        {
            // Only the fact: a forged request's content is not worth a line, and a real one's is personal.
            LogRefused();
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        Interaction? interaction;
        try
        {
            interaction = InteractionJson.Parse(body);
        }
        catch (JsonException)
        {
            interaction = null;
        }

        if (interaction is null || interaction.Type == 0 || string.IsNullOrEmpty(interaction.Id))
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (interaction.Type == InteractionType.Ping)
        {
            await WriteJsonAsync(response, """{"type":1}"""u8.ToArray(), context.RequestAborted);
            return;
        }

        using var scope = interaction.InvokingUser is { } user ? TurnScope.Begin(logger, users, "discord", user.Id, interaction.Id) : null;
        var answer = await interactions.HandleAsync(interaction, receivedAt, lifetime.ApplicationStopping);
        if (answer is null)
        {
            // Another replica claimed it: a click is acknowledged without a new message; anything else is not ours.
            if (interaction.Type == InteractionType.MessageComponent)
            {
                await WriteJsonAsync(response, """{"type":6}"""u8.ToArray(), context.RequestAborted);
            }
            else
            {
                response.StatusCode = StatusCodes.Status409Conflict;
            }

            return;
        }

        var landed = false;
        try
        {
            using var content = answer.CallbackContent();
            response.ContentType = content.Headers.ContentType?.ToString();
            await content.CopyToAsync(response.Body, context.RequestAborted);
            await response.CompleteAsync();
            landed = true;
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            LogAnswerLost();
        }

        await answer.DeliveredAsync(landed, lifetime.ApplicationStopping);
    }

    /// <summary>The body, or null past <see cref="MaxBodyBytes"/> (a chunked body has no length to check first).</summary>
    private static async Task<byte[]?> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        int read;
        while ((read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
            if (length > MaxBodyBytes)
            {
                return null;
            }
        }

        return buffer[..length];
    }

    private static async Task WriteJsonAsync(HttpResponse response, byte[] json, CancellationToken cancellationToken)
    {
        response.ContentType = "application/json";
        await response.Body.WriteAsync(json, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An interaction request was refused: bad or missing signature, or a stale timestamp")]
    private partial void LogRefused();

    [LoggerMessage(Level = LogLevel.Warning, Message = "An interaction's HTTP answer could not be written; its follow-ups are dropped")]
    private partial void LogAnswerLost();
}
