namespace ChatCoach.Tests.Discord;

/// <summary>
/// One whole coaching conversation on the real coach script, typed and clicked: an international graduate with
/// a Step 1 fail passed on retake. Each step names the question it answers, so a reply out of place fails loudly.
/// </summary>
internal static class CoachingConversation
{
    public static readonly (string Question, Func<CoachUser, Task> Answer)[] Steps =
    [
        ("What year did you graduate", u => u.SayAsync("class of 2018")),
        ("How many times have you taken USMLE Step 1", u => u.SayAsync("twice")),
        ("Have you passed Step 1 now", u => u.SayAsync("yes")),
        ("Where is your medical school", u => u.ClickAsync("abroad")),
        ("Where are you with USMLE Step 2 CK", u => u.ClickAsync("not_taken")),
        ("Since graduating, how long", u => u.SayAsync("a year and a half")),
        ("Is there a clear reason", u => u.SayAsync("yes")),
        ("most hands-on US clinical experience", u => u.SayAsync("observership")),
        ("how many months of US clinical experience", u => u.SayAsync("3 months")),
        ("Have you done any research", u => u.SayAsync("nope")),
        ("How many US physicians", u => u.SayAsync("1")),
        ("applied to the NRMP Match before", u => u.SayAsync("no")),
        ("need a visa", u => u.SayAsync("yes")),
        ("Is your passport from a country under", u => u.SayAsync("no")),
        ("Where are you with ECFMG Certification", u => u.ClickAsync("in_progress")),
        ("which specialty", u => u.SelectAsync("internal_medicine")),
    ];

    public const string PlanHeading = "Here is your plan";

    /// <summary>Plays the steps from <paramref name="from"/>, checking each question before answering it.</summary>
    public static async Task PlayAsync(CoachUser user, int from = 0, int? until = null)
    {
        for (var i = from; i < (until ?? Steps.Length); i++)
        {
            var (question, answer) = Steps[i];
            // On a loaded machine the last replies of a turn may come after a pause; wait for the question a while.
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!user.LastQuestion.Content.Contains(question, StringComparison.OrdinalIgnoreCase) && waited.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(50);
            }

            Assert.Contains(question, user.LastQuestion.Content, StringComparison.OrdinalIgnoreCase);
            await answer(user);
        }
    }
}
