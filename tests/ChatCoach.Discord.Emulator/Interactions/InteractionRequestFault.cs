namespace ChatCoach.Discord.Emulator;

/// <summary>What is wrong with an interaction request the emulator sends to an endpoint on purpose.</summary>
public enum InteractionRequestFault
{
    /// <summary>Signed and sent as Discord sends it.</summary>
    None,

    /// <summary>Signed by another key.</summary>
    ForgedSignature,

    /// <summary>No signature headers at all.</summary>
    NoSignature,

    /// <summary>Correctly signed, but six minutes ago: a captured request replayed.</summary>
    Replayed,
}
