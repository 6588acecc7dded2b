using System.Diagnostics.CodeAnalysis;

namespace Vivido.Core.Service;

/// <summary>Either the value a service call produced or the <see cref="ServiceFailure"/> that stopped it.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class ServiceResult<T>
    where T : class
{
    private ServiceResult(T? value, ServiceFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    /// <summary>The value; set when <see cref="Succeeded"/>.</summary>
    public T? Value { get; }

    /// <summary>The failure; set when not <see cref="Succeeded"/>.</summary>
    public ServiceFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    public static implicit operator ServiceResult<T>(T value) => FromValue(value);

    public static implicit operator ServiceResult<T>(ServiceFailure failure) => FromFailure(failure);

    public static ServiceResult<T> FromValue(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static ServiceResult<T> FromFailure(ServiceFailure failure) => new(null, failure ?? throw new ArgumentNullException(nameof(failure)));
}
