using Microsoft.AspNetCore.Mvc;

namespace Vivido.Server.Http;

/// <summary>Declares the problem responses a route can give, so the OpenAPI document shows them.</summary>
internal static class ProblemMetadata
{
    private static readonly int[] ReadStatuses = [400, 401, 403, 404];
    private static readonly int[] WriteStatuses = [400, 401, 403, 404, 409, 413, 415, 422];

    public static TBuilder ProducesReadProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.Declare(ReadStatuses);

    public static TBuilder ProducesWriteProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.Declare(WriteStatuses);

    private static TBuilder Declare<TBuilder>(this TBuilder builder, int[] statuses)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
        }

        return builder;
    }
}
