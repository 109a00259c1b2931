namespace ChatCoach.Core.Scripts;

/// <summary>
/// The bot's own lines around the questions (confirmations, re-ask offers, command replies).
/// Every one has a default; a script's <c>texts:</c> section overrides any of them.
/// </summary>
public sealed record ScriptTexts
{
    /// <summary>The keys a script may set under <c>texts:</c>, mapped to how each is applied.</summary>
    internal static IReadOnlyDictionary<string, Func<ScriptTexts, string, ScriptTexts>> Setters { get; } =
        new Dictionary<string, Func<ScriptTexts, string, ScriptTexts>>(StringComparer.Ordinal)
        {
            ["welcome_back"] = (t, v) => t with { WelcomeBack = v },
            ["finished"] = (t, v) => t with { Finished = v },
            ["skip_offer"] = (t, v) => t with { SkipOffer = v },
            ["skipped"] = (t, v) => t with { Skipped = v },
            ["confirm_restart"] = (t, v) => t with { ConfirmRestart = v },
            ["confirm_forget"] = (t, v) => t with { ConfirmForget = v },
            ["forgotten"] = (t, v) => t with { Forgotten = v },
            ["cancelled"] = (t, v) => t with { Cancelled = v },
            ["back"] = (t, v) => t with { Back = v },
            ["nothing_to_go_back_to"] = (t, v) => t with { NothingToGoBackTo = v },
            ["unknown_command"] = (t, v) => t with { UnknownCommand = v },
            ["commands"] = (t, v) => t with { Commands = v },
            ["disclaimer"] = (t, v) => t with { Disclaimer = v },
            ["still_missing"] = (t, v) => t with { StillMissing = v },
            ["plan_empty"] = (t, v) => t with { PlanEmpty = v },
            ["stale"] = (t, v) => t with { Stale = v },
            ["your_answer"] = (t, v) => t with { YourAnswer = v },
            ["unknown_noted"] = (t, v) => t with { UnknownNoted = v },
            ["moved_on"] = (t, v) => t with { MovedOn = v },
            ["not_answered"] = (t, v) => t with { NotAnswered = v },
            ["do_now"] = (t, v) => t with { DoNow = v },
            ["before_season"] = (t, v) => t with { BeforeSeason = v },
            ["in_season"] = (t, v) => t with { InSeason = v },
            ["realistic_match"] = (t, v) => t with { RealisticMatch = v },
            ["text_only"] = (t, v) => t with { TextOnly = v },
            ["too_fast"] = (t, v) => t with { TooFast = v },
            ["opened_dm"] = (t, v) => t with { OpenedDm = v },
            ["dms_closed"] = (t, v) => t with { DmsClosed = v },
            ["nothing_stored"] = (t, v) => t with { NothingStored = v },
            ["export_ready"] = (t, v) => t with { ExportReady = v },
            ["bots_refused"] = (t, v) => t with { BotsRefused = v },
            ["moderators_only"] = (t, v) => t with { ModeratorsOnly = v },
        };

    /// <summary>Greets a returning user before the open question.</summary>
    public string WelcomeBack { get; init; } = "Welcome back! Let's pick up where we left off.";

    /// <summary>Said to a message after the plan was given.</summary>
    public string Finished { get; init; } =
        "Your plan is ready. Type /plan to see it again, /back to change your last answer, or /start to start over.";

    /// <summary>Added to the third failed try at an answer.</summary>
    public string SkipOffer { get; init; } = "If you'd rather not answer this one, type skip and we'll move on.";

    /// <summary>Said when a question is skipped.</summary>
    public string Skipped { get; init; } = "No problem, let's skip that one.";

    /// <summary>Asks before /start clears the answers.</summary>
    public string ConfirmRestart { get; init; } =
        "Start over? Your answers so far will be cleared. Type yes to confirm, or anything else to keep going.";

    /// <summary>Asks before /forget erases the user.</summary>
    public string ConfirmForget { get; init; } =
        "Erase everything I have stored about you? This cannot be undone. Type yes to confirm, or anything else to cancel.";

    /// <summary>Confirms the erasure; {answers} is replaced by how many answers were erased.</summary>
    public string Forgotten { get; init; } =
        "Done. I erased everything I had stored about you: your {answers} answers, where you were in the conversation, and so your plan. Counts kept for improving the questions name no one. Say hi any time to start fresh.";

    /// <summary>Said when a confirmation is declined.</summary>
    public string Cancelled { get; init; } = "OK, nothing changed.";

    /// <summary>Said when /back reopens the previous question.</summary>
    public string Back { get; init; } = "Sure, let's change that answer.";

    /// <summary>Said when /back has nothing to go back to.</summary>
    public string NothingToGoBackTo { get; init; } = "There is no earlier answer to change yet.";

    /// <summary>Said for a slash command the bot does not know.</summary>
    public string UnknownCommand { get; init; } = "I don't know that command.";

    /// <summary>The list of commands, shown with help.</summary>
    public string Commands { get; init; } =
        "Commands: /plan shows your plan so far, /back changes your last answer, /start starts over, /help explains the current question, /forget erases everything I know about you.";

    /// <summary>The disclaimer, shown with help.</summary>
    public string Disclaimer { get; init; } =
        "I'm an automated coach, not affiliated with USMLE, ECFMG or NRMP, and this is not medical, legal or immigration advice. Rules change: confirm on their official sites.";

    /// <summary>What the bot does, for help when no question is open (the script's <c>interrupts.help</c>).</summary>
    public string About { get; init; } =
        "I ask a few questions about your exams, graduation, clinical experience and goals, then give you a plan of concrete next steps.";

    /// <summary>Heading of the list of topics not yet answered, in a plan so far.</summary>
    public string StillMissing { get; init; } = "Still to answer:";

    /// <summary>Said by /plan when no advice matches yet.</summary>
    public string PlanEmpty { get; init; } = "I don't know enough yet to suggest steps. Answer a few more questions and try /plan again.";

    /// <summary>Said when a button of an earlier question is clicked.</summary>
    public string Stale { get; init; } = "That question was already answered; your answer stays as it was.";

    /// <summary>Shows the answer being changed after /back; {answer} is replaced.</summary>
    public string YourAnswer { get; init; } = "(Your answer was: {answer}.)";

    /// <summary>Said when "not sure" or "skip" leaves a question unknown.</summary>
    public string UnknownNoted { get; init; } = "OK, I'll note that as not known for now. You can change it later with /back.";

    /// <summary>Said when the bot moves on by itself after answers it could not read.</summary>
    public string MovedOn { get; init; } =
        "I couldn't read that, so let's move on: I'll note it as not known, and you can come back to it with /back.";

    /// <summary>Heading of the list of questions answered with "not sure" or skipped, in a plan.</summary>
    public string NotAnswered { get; init; } = "Not answered (the plan assumes the case that needs the most steps):";

    /// <summary>Heading of the steps to start now.</summary>
    public string DoNow { get; init; } = "Do now:";

    /// <summary>Heading of the steps before applications go out; may use <c>{season.NAME}</c>.</summary>
    public string BeforeSeason { get; init; } = "Before applications open:";

    /// <summary>Heading of the steps while applications are out.</summary>
    public string InSeason { get; init; } = "During the season:";

    /// <summary>The realistic Match line; {year} and {because} are replaced.</summary>
    public string RealisticMatch { get; init; } = "Realistic Match: the {year} Match. {because}";

    /// <summary>Every text, for checks that read them all.</summary>
    internal IEnumerable<string> All() =>
        typeof(ScriptTexts).GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => (string)p.GetValue(this)!);

    /// <summary>Said to a message without text (an image, a sticker); it changes nothing in the conversation.</summary>
    public string TextOnly { get; init; } =
        "I can only read text. Please type your answer, or use the buttons.";

    /// <summary>Said once when a user sends messages faster than the bot coaches.</summary>
    public string TooFast { get; init; } =
        "You're sending messages faster than I can coach. I'll read your next ones in a few seconds; nothing you send slowly will be lost.";

    /// <summary>Said in a server after /start, when the conversation continues in a direct message.</summary>
    public string OpenedDm { get; init; } =
        "I've sent you a direct message: let's continue there, where only you can see it.";

    /// <summary>Said when the bot cannot open a direct message with the user.</summary>
    public string DmsClosed { get; init; } =
        "I couldn't send you a direct message. To allow it: open this server's menu, choose Privacy Settings and turn on Direct Messages (or allow DMs from server members in your User Settings), then use /start again.";

    /// <summary>Said by /export when nothing is stored about the user.</summary>
    public string NothingStored { get; init; } =
        "I have nothing stored about you.";

    /// <summary>Sent with the files of /export.</summary>
    public string ExportReady { get; init; } =
        "Your answers and plan, as files to keep or show an advisor.";

    /// <summary>Said to another bot that uses a command.</summary>
    public string BotsRefused { get; init; } =
        "ChatCoach coaches people; other bots can't use its commands.";

    /// <summary>Said when someone who is not one of the operator's moderators uses /dialogs.</summary>
    public string ModeratorsOnly { get; init; } =
        "Only the operator's moderators can use /dialogs, and only in the operator's server. Nothing was changed.";
}
