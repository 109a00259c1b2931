namespace ChatCoach.Discord.Emulator;

/// <summary>How a bot's interactions endpoint answered one delivery of an interaction.</summary>
/// <param name="InteractionId">The interaction delivered.</param>
/// <param name="Endpoint">Where it was delivered.</param>
/// <param name="Status">The HTTP status the endpoint answered.</param>
/// <param name="CallbackType">The interaction response type in the body (4, 5, 6, 7, 9), or null.</param>
/// <param name="Elapsed">From sending the request to the end of the response.</param>
public sealed record HttpInteractionAnswer(string InteractionId, Uri Endpoint, int Status, int? CallbackType, TimeSpan Elapsed);
