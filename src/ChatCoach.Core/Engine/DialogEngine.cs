using System.Collections.Concurrent;
using System.Globalization;
using ChatCoach.Core.Advice;
using ChatCoach.Core.Answers;
using ChatCoach.Core.Safety;
using ChatCoach.Core.Scripts;
using ChatCoach.Core.Seasons;
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
    private readonly PhraseMatcher _unknown;
    private readonly Dictionary<string, IReadOnlyList<ChoiceReader.Candidate>> _choices;

    /// <summary>Compiles <paramref name="script"/>, which must have passed validation.</summary>
    public DialogEngine(Script script)
    {
        Script = script ?? throw new ArgumentNullException(nameof(script));
        _safety = new SafetyDesk(script.Crisis);
        _unknown = new PhraseMatcher(script.Understanding.UnknownWords);
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

    /// <summary>The plan for what is known so far, with the topics still missing and those answered "not sure".</summary>
    public string PlanFor(Session session, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(session);
        var facts = new Facts(session.Answers, Script, today);
        var heading = Script.Nodes.Values.FirstOrDefault(n => n.Type == NodeType.End)?.Text ?? string.Empty;
        var unknown = Script.Nodes.Values.Select(n => n.Question)
            .Where(q => q is not null && session.Answers.TryGetValue(q.Store, out var value) && value.IsUnknown)
            .Select(q => q!.Topic).Distinct(StringComparer.Ordinal).ToList();
        return PlanWriter.Write(Script, heading, facts, new PlanGaps(Missing(session, facts), unknown));
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
    private List<string> Missing(Session session, Facts facts) =>
        Script.Path(session.Node ?? Script.Start, facts)
            .Select(node => node.Question)
            .Where(q => q is not null && !session.Answers.ContainsKey(q.Store))
            .Select(q => q!.Topic)
            .ToList();

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
                foreach (var branch in node.Next)
                {
                    var description = branch.When?.ToString() ?? (node.Next.Count > 1 ? "otherwise" : "next");
                    bool Taken() => ReferenceEquals(node.NextFor(Facts!), branch);
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
                return session.PauseNoted ? new TurnResult(_replies, TurnOutcome.Paused) : Apply(engine._safety.PausedNote(session));
            }

            return Current.Type == NodeType.End ? Done(TurnOutcome.WelcomedBack, Texts.Finished) : AskCurrent(TurnOutcome.WelcomedBack);
        }

        public TurnResult Message(string text)
        {
            var level = engine._safety.Classifier.Classify(text);
            session.PauseNoted = false;
            if (engine._safety.Raise(level, session) is { } raised)
            {
                return Apply(raised);
            }

            if (session.Node is null && !session.Paused)
            {
                if (level == SafetyLevel.Distress)
                {
                    Say(engine._safety.Acknowledgement);
                }

                return Begin(level == SafetyLevel.Distress ? TurnOutcome.Distress : TurnOutcome.Opened);
            }

            if (IsTypedCommand(text, out var typed))
            {
                return typed is { } command ? Run(command) : Done(TurnOutcome.Command, Texts.UnknownCommand, Texts.Commands);
            }

            if (session.Paused)
            {
                return Apply(engine._safety.Paused(text, session));
            }

            if (level == SafetyLevel.Distress)
            {
                // Nothing is stored and no try is counted: whatever was open is asked again after the acknowledgement.
                Say(engine._safety.Acknowledgement);
                return session.Pending is { } asked ? Ask(asked, TurnOutcome.Distress) : Reopen(TurnOutcome.Distress);
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
                return Apply(engine._safety.PausedNote(session));
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

        /// <summary>Says what the safety side decided and, when coaching resumes, asks the open question.</summary>
        private TurnResult Apply(SafetyStep step)
        {
            foreach (var text in step.Texts)
            {
                Say(text);
            }

            if (!step.Resumes)
            {
                return new TurnResult(_replies, step.Outcome);
            }

            return session.Node is null ? Begin(step.Outcome) : Reopen(step.Outcome);
        }

        /// <summary>The open question again, or the note that the plan was given.</summary>
        private TurnResult Reopen(TurnOutcome outcome) =>
            Current.Type == NodeType.End ? Done(outcome, Texts.Finished) : AskCurrent(outcome);

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

        /// <summary>
        /// Reads an answer to the open question. "Not sure" and "skip" are an explicit unknown when the script
        /// accepts them (a choice typed exactly still wins); otherwise, as before, "skip" only after three failed
        /// tries. An unreadable answer is asked again, until the script's limit moves on by itself.
        /// </summary>
        private TurnResult Answer(string text)
        {
            var node = Current;
            var question = node.Question!;
            var prepared = engine._choices.GetValueOrDefault(node.Id);
            var understanding = Script.Understanding;
            if (understanding.AcceptsUnknown
                    ? engine._unknown.MatchesWhole(text) && !ChoiceReader.IsExactly(text, prepared)
                    : session.Tries >= TriesBeforeSkip && PhraseMatcher.Normalize(text) == "skip")
            {
                return Unknown(node, understanding.AcceptsUnknown ? Texts.UnknownNoted : Texts.Skipped);
            }

            var context = new ReadContext(today, question.Choices) { PreparedChoices = prepared };
            if (AnswerReader.TryRead(question.Kind, text, context, out var value) && InBounds(question, value))
            {
                return Accept(node, value);
            }

            session.Tries++;
            if (understanding.MoveOnAfter > 0 && session.Tries >= understanding.MoveOnAfter)
            {
                return Unknown(node, Texts.MovedOn);
            }

            var reask = !understanding.AcceptsUnknown && session.Tries >= TriesBeforeSkip ? $"{question.Reask}\n{Texts.SkipOffer}" : question.Reask;
            _replies.Add(QuestionReply(node, reask));
            return new TurnResult(_replies, TurnOutcome.Reasked);
        }

        private TurnResult Unknown(Node node, string said)
        {
            session.Answers[node.Question!.Store] = AnswerValue.Unknown;
            Say(said);
            return Move(node, TurnOutcome.Skipped);
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
            var path = Script.Path(Script.Start, new Facts(session.Answers, Script, today)).ToList();
            var onPath = path.Select(n => n.Question?.Store).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var stale in session.Answers.Keys.Where(k => !onPath.Contains(k)).ToList())
            {
                session.Answers.Remove(stale);
            }

            var visited = path.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
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
            new(SeasonText.Fill(text, Script.SeasonOn(today))) { Choices = node.Question!.Choices, Node = node.Id, Turn = session.Turn };

        private bool InBounds(Question question, AnswerValue value) =>
            value.Type != AnswerValueType.Number
            || (question.Min is not { } min || value.Number >= min) && (question.MaxOn(today) is not { } max || value.Number <= max);

        private void Say(string text) => _replies.Add(new Reply(SeasonText.Fill(text, Script.SeasonOn(today))));

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
