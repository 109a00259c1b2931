using System.Text.Json.Serialization;

namespace ChatCoach.Discord.Models;

/// <summary>A legacy (non-V2) message component ChatCoach can send: action rows, buttons, string selects.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ActionRow), 1)]
[JsonDerivedType(typeof(Button), 2)]
[JsonDerivedType(typeof(StringSelect), 3)]
public abstract record MessageComponent
{
    private protected MessageComponent()
    {
    }
}
