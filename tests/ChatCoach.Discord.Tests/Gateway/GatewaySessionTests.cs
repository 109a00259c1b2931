using ChatCoach.Discord.Gateway;

namespace ChatCoach.Discord.Tests.Gateway;

public sealed class GatewaySessionTests
{
    private static GatewaySession Started()
    {
        var session = new GatewaySession();
        session.Start("session-1", new Uri("wss://resume.example"));
        return session;
    }

    [Fact]
    public void A_snapshot_resumes_after_the_last_event_whose_work_is_done_not_the_last_received()
    {
        var session = Started();
        foreach (var sequence in new long[] { 1, 2, 3, 4 })
        {
            session.LastSequence = sequence;
            session.Started(sequence);
        }

        session.Finished(1);
        session.Finished(3);

        Assert.Equal(1, session.Snapshot().Sequence); // 2 is still being worked on: Discord must replay 2, 3 and 4
        session.Finished(2);
        Assert.Equal(3, session.Snapshot().Sequence);
        session.Finished(4);
        Assert.Equal(4, session.Snapshot().Sequence);
    }

    [Fact]
    public void With_nothing_in_flight_the_snapshot_is_the_last_sequence_received()
    {
        var session = Started();
        session.LastSequence = 9;

        Assert.Equal(new GatewayResumeState("session-1", "wss://resume.example/", 9, null), session.Snapshot());
    }

    [Fact]
    public void A_new_session_forgets_the_work_of_the_old_one()
    {
        var session = Started();
        session.LastSequence = 5;
        session.Started(5);
        session.Reset();
        session.Start("session-2", new Uri("wss://resume.example"));
        session.LastSequence = 2;

        session.Finished(5); // late news about the old session changes nothing

        Assert.Equal(2, session.Snapshot().Sequence);
    }
}
