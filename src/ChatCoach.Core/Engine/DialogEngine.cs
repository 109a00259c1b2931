using System.Collections.Concurrent;
using System.Globalization;
using ChatCoach.Core.Advice;
using ChatCoach.Core.Answers;
using ChatCoach.Core.Safety;
using ChatCoach.Core.Scripts;
using Stateless;
using Stateless.Graph;

namespace ChatCoach.Core.Engine;

/// <summary>
/// Runs conversations on one script version. Every move between nodes fires through a Stateless machine built
/// from the script (states are nodes, guarded transitions are branches, the state lives on the session).
/// Pure: no I/O, and the only clock is the time passed in.
/// </summary>
/// <remarks>
/// Stateless machines are not thread-safe, so configured machines are pooled: each turn rents one, points it
/// at its session, fires, and returns it. A machine is configured once, when the pool first creates it.
/// </remarks>
public sealed class DialogEngine
{
    private const int TriesBeforeSkip = 3;

    private readonly ConcurrentBag<Machine> _pool = [];
    private readonly SafetyDesk _safety;
    private readonly Dictionary<string, IReadOnlyList<ChoiceReader.Candidate>> _choices;

    /// <summary>Compiles <paramref name="script"/>, which must have passed validation.</summary>
    public DialogEngine(Script script)
    {
        Script = script ?? throw new ArgumentNullException(nameof(script));
        _safety = new SafetyDesk(script.Crisis);
        _choices = script.Nodes.Values.Where(n => n.Question?.Choices.Count > 0)
            .ToDictionary(n => n.Id, n => ChoiceReader.Prepare(n.Question!.Choices), StringComparer.Ordinal);
        _pool.Add(new Machine(this));
    }

    /// <summary>The script this engine runs.</summary>
    public Script Script { get; }

    /// <summary>The script's safety check, compiled.</summary>
    public SafetyClassifier Safety => _safety.Classifier;

    /// <summary>Takes one turn: changes <paramref name="session"/> and returns what to say.</summary>
    public TurnResult Step(Session session, Input input, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(input);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var turn = new Turn(this, session, today);
        var result = input.Kind switch
        {
            InputKind.Open => turn.Open(),
            InputKind.Message => turn.Message(input.Text!),
            InputKind.Click => turn.Click(input),
            InputKind.Command => turn.Run(input.Command),
            _ => turn.Confirm(input.Command, input.Confirmed),
        };
        session.UpdatedAt = now;
        return result;
    }

    /// <summary>The plan for what is known so far, with the topics still missing.</summary>
    public string PlanFor(Session session, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(session);
        var facts = new Facts(session.Answers, Script, today);
        var heading = Script.Nodes.Values.FirstOrDefault(n => n.Type == NodeType.End)?.Text ?? string.Empty;
        return PlanWriter.Write(Script, heading, facts, Missing(session, facts));
    }

    /// <summary>The script's flow as a Mermaid state diagram.</summary>
    public string ToMermaid()
    {
        var machine = Rent();
        try
        {
            return MermaidGraph.Format(machine.Stateless.GetInfo());
        }
        finally
        {
            _pool.Add(machine);
        }
    }

    /// <summary>Topics of the questions still ahead on the path the current answers take.</summary>
    private List<string> Missing(Session session, Facts facts)
    {
        var missing = new List<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var id = session.Node ?? Script.Start;
        while (visited.Add(id) && Script.Nodes.TryGetValue(id, out var node) && node.Type != NodeType.End)
        {
            if (node.Question is { } q && !session.Answers.ContainsKey(q.Store) && !session.History.Contains(node.Id))
            {
                missing.Add(q.Topic);
            }

            id = node.Next[FirstMatch(node, facts)].Target;
        }

        return missing;
    }

    private static int FirstMatch(Node node, Facts facts)
    {
        for (var i = 0; i < node.Next.Count; i++)
        {
            if (node.Next[i].When?.Evaluate(facts) ?? true)
            {
                return i;
            }
        }

        return node.Next.Count - 1;
    }

    private Machine Rent() => _pool.TryTake(out var machine) ? machine : new Machine(this);

    /// <summary>Moves <paramref name="session"/> along the branch its answers select, through the state machine.</summary>
    private void Fire(Session session, Facts facts, Trigger trigger)
    {
        var machine = Rent();
        try
        {
            machine.Session = session;
            machine.Facts = facts;
            machine.Stateless.Fire(trigger);
        }
        finally
        {
            machine.Session = null;
            machine.Facts = null;
            _pool.Add(machine);
        }
    }

    private enum Trigger
    {
        Answered,
        Continue,
    }

    /// <summary>A configured Stateless machine whose state is the node of whichever session it serves.</summary>
    private sealed class Machine
    {
        public Machine(DialogEngine engine)
        {
            Stateless = new StateMachine<string, Trigger>(
                () => Session?.Node ?? engine.Script.Start,
                node => Session!.Node = node);

            foreach (var node in engine.Script.Nodes.Values)
            {
                var state = Stateless.Configure(node.Id);
                var trigger = node.Type == NodeType.Ask ? Trigger.Answered : Trigger.Continue;
                for (var i = 0; i < node.Next.Count; i++)
                {
                    var index = i;
                    var branch = node.Next[i];
                    var description = branch.When?.ToString() ?? (node.Next.Count > 1 ? "otherwise" : "next");
                    bool Taken() => FirstMatch(node, Facts!) == index;
                    if (branch.Target == node.Id)
                    {
                        state.PermitReentryIf(trigger, Taken, description);
                    }
                    else
                    {
                        state.PermitIf(trigger, branch.Target, Taken, description);
                    }
                }
            }
        }

        public StateMachine<string, Trigger> Stateless { get; }

        public Session? Session { get; set; }

        public Facts? Facts { get; set; }
    }

    /// <summary>One turn's work on one session.</summary>
    private sealed class Turn(DialogEngine engine, Session session, DateOnly today)
    {
        private readonly List<Reply> _replies = [];
        private Script Script => engine.Script;
        private ScriptTexts Texts => engine.Script.Texts;
        private Node Current => Script.Nodes[session.Node!];

        public TurnResult Open()
        {
            if (session.Node is null)
            {
                return Begin(TurnOutcome.Opened);
            }

            Say(Texts.WelcomeBack);
            if (session.Paused)
            {
                return session.PauseNoted ? new TurnResult(_replies, TurnOutcome.Paused) : PausedNote();
            }

            return Current.Type == NodeType.End ? Done(TurnOutcome.WelcomedBack, Texts.Finished) : AskCurrent(TurnOutcome.WelcomedBack);
        }

        public TurnResult Message(string text)
        {
            var level = engine._safety.Classifier.Classify(text);
            session.PauseNoted = false;
            if (Raise(level) is { } raised)
            {
                return raised;
            }

            if (session.Node is null && !session.Paused)
            {
                return level == SafetyLevel.Distress ? Acknowledge(() => Begin(TurnOutcome.Distress)) : Begin(TurnOutcome.Opened);
            }

            if (IsTypedCommand(text, out var typed))
            {
                return typed is { } command ? Run(command) : Done(TurnOutcome.Command, Texts.UnknownCommand, Texts.Commands);
            }

            if (session.Paused)
            {
                return Paused(text);
            }

            if (level == SafetyLevel.Distress)
            {
                return Acknowledge(() => session.Pending is { } asked ? Ask(asked, TurnOutcome.Distress)
                    : Current.Type == NodeType.End ? Done(TurnOutcome.Distress, Texts.Finished) : AskCurrent(TurnOutcome.Distress));
            }

            if (session.Pending is { } pending)
            {
                var yes = AnswerReader.TryRead(AnswerKind.YesNo, text, new ReadContext(today, []), out var value) && value.Boolean;
                return Confirm(pending, yes);
            }

            return Current.Type == NodeType.End ? Done(TurnOutcome.Finished, Texts.Finished) : Answer(text);
        }

        public TurnResult Click(Input click)
        {
            session.PauseNoted = false;
            if (session.Paused)
            {
                return PausedNote();
            }

            if (session.Node != click.Node || session.Turn != click.Turn || session.Pending is not null
                || Current.Question?.Choices.FirstOrDefault(c => c.Id == click.ChoiceId) is not { } choice)
            {
                return Done(TurnOutcome.Stale, Texts.Stale);
            }

            return Accept(Current, AnswerValue.Of(choice.Id));
        }

        public TurnResult Run(Command command)
        {
            if (session.Node is null && command is not Command.Help and not Command.Forget)
            {
                return Begin(TurnOutcome.Opened);
            }

            switch (command)
            {
                case Command.Plan:
                    return Done(TurnOutcome.Command, engine.PlanFor(session, today));
                case Command.Help:
                    return Help();
                case Command.Back when session.Paused:
                    return Done(TurnOutcome.Paused, Script.Crisis.PausedReply);
                case Command.Back:
                    return Back();
                case Command.Start when session.History.Count == 0 && session.Answers.Count == 0:
                    return Restart();
                default:
                    session.Pending = command;
                    return Ask(command, TurnOutcome.Command);
            }
        }

        public TurnResult Confirm(Command command, bool confirmed)
        {
            if (session.Pending != command)
            {
                return Done(TurnOutcome.Stale, Texts.Stale);
            }

            session.Pending = null;
            if (!confirmed)
            {
                Say(Texts.Cancelled);
                return session.Node is null || session.Paused || Current.Type == NodeType.End
                    ? new TurnResult(_replies, TurnOutcome.Command)
                    : AskCurrent(TurnOutcome.Command);
            }

            return command == Command.Forget
                ? Done(TurnOutcome.Forgotten, Texts.Forgotten.Replace("{answers}", session.Answers.Count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
                    with { EraseUser = true }
                : Restart();
        }

        private TurnResult Restart()
        {
            session.Answers.Clear();
            session.History.Clear();
            session.Tries = 0;
            session.Paused = false;
            session.SafetyQuestion = SafetyQuestion.None;
            session.Pending = null;
            return Begin(TurnOutcome.Restarted);
        }

        private TurnResult Begin(TurnOutcome outcome)
        {
            session.Node = Script.Start;
            session.Turn++;
            return Continue(outcome);
        }

        private TurnResult Paused(string text)
        {
            var asked = session.SafetyQuestion;
            switch (engine._safety.Read(text, asked, out var lines))
            {
                case PausedReading.Resume:
                    return Unpause(Script.Crisis.ResumeReply, TurnOutcome.Resumed);
                case PausedReading.AtRisk when asked == SafetyQuestion.HarmingYourself:
                    return Pause(SafetyLevel.Crisis);
                case PausedReading.AtRisk:
                    return Done(TurnOutcome.Paused, Script.Crisis.UrgentReply);
                case PausedReading.Reassured when asked == SafetyQuestion.HarmingYourself:
                    return Unpause(Script.Crisis.CareReply!, TurnOutcome.Resumed);
                case PausedReading.Reassured:
                    session.SafetyQuestion = SafetyQuestion.None;
                    return Done(TurnOutcome.Paused, Script.Crisis.SafeReply);
                case PausedReading.Country:
                    return Done(TurnOutcome.Paused, lines!);
                default:
                    return PausedNote();
            }
        }

        /// <summary>
        /// The safety response to a crisis or concern message, in any state; null below concern. While paused,
        /// concern is read as the riskier answer to the question asked last.
        /// </summary>
        private TurnResult? Raise(SafetyLevel level)
        {
            var asked = session.Paused ? session.SafetyQuestion : SafetyQuestion.None;
            return level switch
            {
                SafetyLevel.Crisis => Pause(SafetyLevel.Crisis),
                SafetyLevel.Concern when asked == SafetyQuestion.HarmingYourself => Pause(SafetyLevel.Crisis),
                SafetyLevel.Concern when asked == SafetyQuestion.AreYouSafe => Done(TurnOutcome.Paused, Script.Crisis.UrgentReply),
                SafetyLevel.Concern => Pause(SafetyLevel.Concern),
                _ => null,
            };
        }

        /// <summary>Pauses coaching with the level's first reply, which opens with its fixed sentence and asks its question.</summary>
        private TurnResult Pause(SafetyLevel level)
        {
            var said = Script.Crisis.Levels[level];
            session.Paused = true;
            session.Pending = null;
            session.SafetyQuestion = level == SafetyLevel.Crisis ? SafetyQuestion.AreYouSafe : SafetyQuestion.HarmingYourself;
            return Done(level == SafetyLevel.Crisis ? TurnOutcome.Crisis : TurnOutcome.Concern, said.Opening, said.Reply!);
        }

        private TurnResult Unpause(string text, TurnOutcome outcome)
        {
            session.Paused = false;
            session.SafetyQuestion = SafetyQuestion.None;
            Say(text);
            if (session.Node is null)
            {
                return Begin(outcome);
            }

            return Current.Type == NodeType.End ? Done(outcome, Texts.Finished) : AskCurrent(outcome);
        }

        /// <summary>The paused note, or the concern question again while it waits for an answer.</summary>
        private TurnResult PausedNote()
        {
            session.PauseNoted = true;
            return Done(TurnOutcome.Paused, session.SafetyQuestion == SafetyQuestion.HarmingYourself
                ? Script.Crisis.Levels[SafetyLevel.Concern].Reply!
                : Script.Crisis.PausedReply);
        }

        /// <summary>Distress: the level's line of acknowledgement, then whatever was open, asked again; nothing stored.</summary>
        private TurnResult Acknowledge(Func<TurnResult> then)
        {
            Say(Script.Crisis.Levels[SafetyLevel.Distress].Opening);
            return then();
        }

        private TurnResult Ask(Command command, TurnOutcome outcome)
        {
            var question = command == Command.Start ? Texts.ConfirmRestart : Texts.ConfirmForget;
            _replies.Add(new Reply(question) { Confirms = command });
            return new TurnResult(_replies, outcome);
        }

        private TurnResult Help()
        {
            if (session.Node is not null && Current.Question is { } question)
            {
                Say(question.Help ?? Current.Text);
            }
            else
            {
                Say(Texts.About);
            }

            return Done(TurnOutcome.Command, Texts.Commands, Texts.Disclaimer);
        }

        private TurnResult Back()
        {
            if (session.History.Count == 0)
            {
                Say(Texts.NothingToGoBackTo);
                return Current.Type == NodeType.End ? new TurnResult(_replies, TurnOutcome.Command) : AskCurrent(TurnOutcome.Command);
            }

            session.Node = session.History[^1];
            session.History.RemoveAt(session.History.Count - 1);
            session.Tries = 0;
            session.Turn++;
            var said = Current.Question is { } q && session.Answers.TryGetValue(q.Store, out var previous)
                ? " " + Texts.YourAnswer.Replace("{answer}", Describe(q, previous), StringComparison.Ordinal)
                : string.Empty;
            Say(Texts.Back + said);
            return AskCurrent(TurnOutcome.WentBack);
        }

        private TurnResult Answer(string text)
        {
            var node = Current;
            var question = node.Question!;
            if (session.Tries >= TriesBeforeSkip && PhraseMatcher.Normalize(text) == "skip")
            {
                session.Answers.Remove(question.Store);
                Say(Texts.Skipped);
                return Move(node, TurnOutcome.Skipped);
            }

            var context = new ReadContext(today, question.Choices) { PreparedChoices = engine._choices.GetValueOrDefault(node.Id) };
            if (AnswerReader.TryRead(question.Kind, text, context, out var value) && InBounds(question, value))
            {
                return Accept(node, value);
            }

            session.Tries++;
            var reask = session.Tries >= TriesBeforeSkip ? $"{question.Reask}\n{Texts.SkipOffer}" : question.Reask;
            _replies.Add(QuestionReply(node, reask));
            return new TurnResult(_replies, TurnOutcome.Reasked);
        }

        private TurnResult Accept(Node node, AnswerValue value)
        {
            session.Answers[node.Question!.Store] = value;
            return Move(node, TurnOutcome.Answered);
        }

        private TurnResult Move(Node node, TurnOutcome outcome)
        {
            session.History.Add(node.Id);
            session.Tries = 0;
            session.Turn++;
            engine.Fire(session, new Facts(session.Answers, Script, today), Trigger.Answered);
            ForgetAnswersOffThePath();
            return Continue(outcome);
        }

        /// <summary>
        /// After /back and a different answer the path may change: answers to questions no longer on it would feed
        /// advice that does not apply ("not passed yet" after changing attempts to 0), so they go.
        /// </summary>
        private void ForgetAnswersOffThePath()
        {
            var facts = new Facts(session.Answers, Script, today);
            var onPath = new HashSet<string>(StringComparer.Ordinal);
            var visited = new HashSet<string>(StringComparer.Ordinal);
            for (var id = Script.Start; visited.Add(id) && Script.Nodes[id] is { Type: not NodeType.End } step; id = step.Next[FirstMatch(step, facts)].Target)
            {
                if (step.Question is { } q)
                {
                    onPath.Add(q.Store);
                }
            }

            foreach (var stale in session.Answers.Keys.Where(k => !onPath.Contains(k)).ToList())
            {
                session.Answers.Remove(stale);
            }

            session.History.RemoveAll(id => !visited.Contains(id));
        }

        /// <summary>Says every say node from here on, then asks the next question or gives the plan.</summary>
        private TurnResult Continue(TurnOutcome outcome)
        {
            while (Current.Type == NodeType.Say)
            {
                Say(Current.Text);
                engine.Fire(session, new Facts(session.Answers, Script, today), Trigger.Continue);
            }

            if (Current.Type == NodeType.End)
            {
                Say(engine.PlanFor(session, today));
                return new TurnResult(_replies, outcome == TurnOutcome.Answered || outcome == TurnOutcome.Skipped ? TurnOutcome.Completed : outcome);
            }

            return AskCurrent(outcome);
        }

        private TurnResult AskCurrent(TurnOutcome outcome)
        {
            _replies.Add(QuestionReply(Current, Current.Text));
            return new TurnResult(_replies, outcome);
        }

        private Reply QuestionReply(Node node, string text) =>
            new(text) { Choices = node.Question!.Choices, Node = node.Id, Turn = session.Turn };

        private bool InBounds(Question question, AnswerValue value) =>
            value.Type != AnswerValueType.Number
            || (question.Min is not { } min || value.Number >= min) && (question.MaxOn(today) is not { } max || value.Number <= max);

        private void Say(string text) => _replies.Add(new Reply(text));

        private TurnResult Done(TurnOutcome outcome, params string[] texts)
        {
            foreach (var text in texts)
            {
                Say(text);
            }

            return new TurnResult(_replies, outcome);
        }

        /// <summary>
        /// Whether the message is a command: a slash command, or "help" / "?" on its own, so "I need help with
        /// research" stays an answer. <paramref name="command"/> is null for a slash command the bot does not know.
        /// </summary>
        private static bool IsTypedCommand(string text, out Command? command)
        {
            var trimmed = text.Trim();
            if (PhraseMatcher.Normalize(trimmed) is "help" || trimmed == "?")
            {
                command = Command.Help;
                return true;
            }

            command = trimmed.StartsWith('/') ? trimmed[1..].Split(' ', 2)[0].ToLowerInvariant() switch
            {
                "plan" => Command.Plan,
                "start" or "restart" => Command.Start,
                "back" => Command.Back,
                "help" => Command.Help,
                "forget" => Command.Forget,
                _ => null,
            } : null;
            return trimmed.StartsWith('/');
        }

        private static string Describe(Question question, AnswerValue value) =>
            question.Kind == AnswerKind.Choice
                ? question.Choices.FirstOrDefault(c => c.Id == value.Text)?.Label ?? value.ToString()
                : value.ToString();
    }
}
