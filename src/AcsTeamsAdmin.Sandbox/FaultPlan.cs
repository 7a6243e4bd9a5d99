namespace AcsTeamsAdmin.Sandbox;

/// <summary>The faults to inject. Thread-safe; hooks under /_sandbox are never faulted.</summary>
public sealed class FaultPlan
{
    private readonly object _gate = new();
    private readonly List<RuleState> _rules = [];

    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (_gate)
            {
                return _rules.Select(r => r.Rule).ToList();
            }
        }
    }

    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Rate is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule.Rate, "Rate must be within [0, 1].");
        }

        lock (_gate)
        {
            _rules.Add(new RuleState(rule));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>The first rule that fires for this request, counting the request against every matching rule.</summary>
    internal FaultRule? Next(string method, string path)
    {
        lock (_gate)
        {
            FaultRule? fired = null;
            foreach (var state in _rules)
            {
                if (state.Matches(method, path) && state.Fires() && fired is null)
                {
                    fired = state.Rule;
                }
            }

            return fired;
        }
    }

    private sealed class RuleState(FaultRule rule)
    {
#pragma warning disable CA5394 // Reproducible fault schedules need a seeded generator; nothing here is security relevant.
        private readonly Random _random = new(rule.Seed);
#pragma warning restore CA5394
        private int _seen;
        private int _fired;

        public FaultRule Rule { get; } = rule;

        public bool Matches(string method, string path) =>
            (Rule.PathPrefix is null || path.StartsWith(Rule.PathPrefix, StringComparison.OrdinalIgnoreCase))
            && (Rule.Method is null || string.Equals(Rule.Method, method, StringComparison.OrdinalIgnoreCase));

        public bool Fires()
        {
            _seen++;
            if (Rule.MaxFaults is { } max && _fired >= max)
            {
                return false;
            }

#pragma warning disable CA5394 // See above.
            var fires = Rule.OnRequests is { } numbers ? numbers.Contains(_seen) : _random.NextDouble() < Rule.Rate;
#pragma warning restore CA5394
            if (fires)
            {
                _fired++;
            }

            return fires;
        }
    }
}
