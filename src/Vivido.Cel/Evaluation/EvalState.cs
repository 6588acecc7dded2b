namespace Vivido.Cel.Evaluation;

/// <summary>
/// Per-evaluation state, passed by reference so that evaluating a program allocates nothing by itself.
/// Budgets count down; once one is exhausted the evaluation is aborted and the abort error wins over
/// any result, even one that logical operators would otherwise have absorbed.
/// </summary>
internal struct EvalState
{
    private long _costLeft;
    private long _sizeLeft;

    public EvalState(ICelActivation activation, CelOptions options, CelValue[]? locals)
    {
        Activation = activation;
        Locals = locals ?? [];
        RegexTimeout = options.RegexTimeout;
        _costLeft = options.MaxEvaluationCost;
        _sizeLeft = options.MaxResultSize;
    }

    public ICelActivation Activation { get; }

    /// <summary>Comprehension variables, one slot per nesting level.</summary>
    public CelValue[] Locals { get; }

    public TimeSpan RegexTimeout { get; }

    /// <summary>The error that aborted the evaluation, or null when none did.</summary>
    public CelValue Abort { get; private set; }

    public readonly bool Aborted => Abort.IsError;

    /// <summary>Spends evaluation steps; returns false (and aborts) when the budget is exhausted.</summary>
    public bool Charge(long steps)
    {
        _costLeft -= steps;
        if (_costLeft >= 0)
        {
            return true;
        }

        Abort = Errors.CostLimitExceeded;
        return false;
    }

    /// <summary>Accounts for built string characters, bytes or list items; false (and aborts) past the limit.</summary>
    public bool Produce(long size)
    {
        _sizeLeft -= size;
        if (_sizeLeft >= 0)
        {
            return Charge(size / 16);
        }

        Abort = Errors.ResultSizeExceeded;
        return false;
    }
}
