using FsCheck;
using FsCheck.Fluent;
using Vivido.Core.Engine;
using Vivido.Core.Lifecycles;
using Vivido.Core.Tests.Support;
using Vivido.Testing;

namespace Vivido.Core.Tests.Engine;

/// <summary>
/// State-machine invariants over random event sequences on every shipped lifecycle. Runs are random;
/// FsCheck prints the seed of a failing run so it can be replayed.
/// </summary>
public class LifecyclePropertyTests
{
    private const int SequenceCount = 150;

    [Theory]
    [InlineData("default.yaml")]
    [InlineData("canary.yaml")]
    [InlineData("approvals.yaml")]
    public void Decide_RandomEventSequences_KeepTheStateMachineInvariants(string file)
    {
        var lifecycle = LifecycleLoader.LoadFile(TestPaths.InRepo("lifecycles", file)).Lifecycle!;
        var events = lifecycle.Transitions.Select(t => t.Event).Distinct().ToList();
        var states = lifecycle.States.Select(s => s.Name).ToList();
        var sequences = Sequences(lifecycle).ToArbitrary();

        var property = Prop.ForAll(sequences, run => Check(lifecycle, run.Start, run.Steps));

        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(SequenceCount).WithName(file), property);
    }

    [Fact]
    public void Decide_RandomSequences_ReachEveryStateOfTheDefaultLifecycle()
    {
        // Guards the generator itself (with a fixed seed): the invariants above mean little if random facts never pass a guard.
        var lifecycle = LifecycleLoader.LoadDefault();
        var reached = new HashSet<string>();

        foreach (var (start, steps) in Sequences(lifecycle).Sample(80, new Rnd(20_260_101UL), 400))
        {
            reached.Add(start);
            reached.UnionWith(Run(lifecycle, start, steps).Select(s => s.To));
        }

        reached.ShouldBe(lifecycle.States.Select(s => s.Name), ignoreOrder: true);
    }

    /// <summary>Images start in the initial state or, when imported, in an entry state.</summary>
    private static Gen<(string Start, List<RandomStep> Steps)> Sequences(Lifecycle lifecycle)
    {
        var events = lifecycle.Transitions.Select(t => t.Event).Distinct().ToList();
        var states = lifecycle.States.Select(s => s.Name).ToList();
        var starts = lifecycle.States.Where(s => s.Initial || s.Entry is not null).Select(s => s.Name).ToList();
        return from start in Gen.Elements<string>(starts)
               from steps in Gen.ListOf(RandomStep.Generator(events, states)).Resize(80)
               select (start, steps.ToList());
    }

    private static bool Check(Lifecycle lifecycle, string start, IReadOnlyList<RandomStep> steps)
    {
        var accepted = Run(lifecycle, start, steps);
        var final = accepted.Count == 0 ? start : accepted[^1].To;
        lifecycle.HasState(final).ShouldBeTrue();

        // Replaying only the accepted steps, with the same inputs and clock, reproduces every decision and the final state.
        var state = start;
        var time = new ManualTimeProvider(TestImages.Now);
        var engine = new TransitionEngine(lifecycle, time);
        var entered = TestImages.Now;
        foreach (var (step, at, to) in accepted)
        {
            time.Advance(at - time.Now);
            var decision = engine.Decide(step.Image(state, 1, entered, at), step.Request(), TestImages.Repository());
            decision.ShouldBeOfType<Accepted>().To.ShouldBe(to);
            (state, entered) = (to, at);
        }

        state.ShouldBe(final);
        return true;
    }

    /// <summary>Fires every step from <paramref name="start"/>, checking each decision; returns the accepted steps with their times and targets.</summary>
    private static List<(RandomStep Step, DateTimeOffset At, string To)> Run(Lifecycle lifecycle, string start, IReadOnlyList<RandomStep> steps)
    {
        var time = new ManualTimeProvider(TestImages.Now);
        var engine = new TransitionEngine(lifecycle, time);
        var state = start;
        var entered = time.Now;
        var accepted = new List<(RandomStep, DateTimeOffset, string)>();
        foreach (var step in steps)
        {
            time.Advance(TimeSpan.FromMinutes(step.AdvanceMinutes));
            var decision = engine.Decide(step.Image(state, accepted.Count + 1, entered, time.Now), step.Request(), TestImages.Repository());
            if (lifecycle.IsTerminal(state))
            {
                decision.ShouldBeOfType<NotAllowed>($"a step left terminal state {state}");
            }

            if (decision is Accepted move)
            {
                move.From.ShouldBe(state);
                var row = lifecycle.Find(move.From, move.Event);
                row.ShouldNotBeNull($"{move.From} --{move.Event}--> {move.To} is not a table row");
                row.To.ShouldContain(move.To);
                lifecycle.HasState(move.To).ShouldBeTrue();
                (state, entered) = (move.To, time.Now);
                accepted.Add((step, time.Now, move.To));
            }
            else if (decision is NotAllowed notAllowed)
            {
                lifecycle.Find(state, step.Event).ShouldBeNull();
                notAllowed.AllowedEvents.ShouldBe(lifecycle.EventsFrom(state));
            }
        }

        return accepted;
    }
}
