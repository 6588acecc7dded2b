using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Vivido.Core.Engine;
using Vivido.Core.Service;

namespace Vivido.Server.Http;

/// <summary>The one mapping from service failures to HTTP problem documents.</summary>
internal static class FailureProblems
{
    public static ProblemHttpResult Problem(ServiceFailure failure) => TypedResults.Problem(ToProblem(failure));

    public static ProblemDetails ToProblem(ServiceFailure failure) => failure switch
    {
        InvalidInput bad => ApiProblems.InvalidInput(bad.Field, bad.Message),
        ResourceNotFound missing => Simple(StatusCodes.Status404NotFound, ProblemTypes.NotFound, missing.Message),
        AccessDenied denied => Simple(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, denied.Message),
        StateConflict conflict => Simple(StatusCodes.Status409Conflict, ProblemTypes.Conflict, conflict.Message),
        VersionMismatch stale => ApiProblems.Create(
            StatusCodes.Status409Conflict, ProblemTypes.VersionConflict, "Version conflict", stale.Message,
            [new("digest", stale.Digest), new("currentVersion", stale.CurrentVersion)]),
        GuardsUnmet unmet => ApiProblems.Create(
            StatusCodes.Status422UnprocessableEntity, ProblemTypes.GuardsUnmet, "Refused by the lifecycle's guards", unmet.Message,
            [new("digest", unmet.Digest), new("state", unmet.State), new("event", unmet.Event), new("unmetGuards", Guards(unmet.Unmet))]),
        EventNotAllowed notAllowed => ApiProblems.Create(
            StatusCodes.Status422UnprocessableEntity, ProblemTypes.EventNotAllowed, "Event not allowed in this state", notAllowed.Message,
            [new("digest", notAllowed.Digest), new("state", notAllowed.State), new("event", notAllowed.Event), new("allowedEvents", notAllowed.AllowedEvents)]),
        NoRollbackCandidate none => ApiProblems.Create(
            StatusCodes.Status422UnprocessableEntity, ProblemTypes.GuardsUnmet, "No rollback candidate", none.Message,
            [
                new("repository", none.Repository),
                new("unmetGuards", none.Candidates.Count == 0 ? [] : Guards(none.Candidates[0].Unmet)),
                new("candidates", none.Candidates.Select(c => new CandidateProblem(c.Digest, Guards(c.Unmet))).ToList()),
            ]),
        EvidenceSubjectMismatch mismatch => ApiProblems.Create(
            StatusCodes.Status409Conflict, ProblemTypes.EvidenceSubjectMismatch, "The document is about another image", mismatch.Message,
            [new("field", "document"), new("digest", mismatch.Digest), new("subjects", mismatch.Subjects)]),
        DocumentTooLarge large => ApiProblems.Create(
            StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge, "Document too large", large.Message,
            [new("field", "document"), new("limit", large.Limit)]),
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure.GetType().Name, "unmapped service failure"),
    };

    private static ProblemDetails Simple(int status, string type, string detail) => ApiProblems.Create(status, type, ApiProblems.TitleFor(status), detail);

    private static List<GuardProblem> Guards(IReadOnlyList<UnmetGuard> unmet) => unmet.Select(u => new GuardProblem(u.Name, u.Message, u.Error)).ToList();

    /// <summary>An unmet guard as the problem document lists it.</summary>
    internal sealed record GuardProblem(string Name, string Message, string? Error);

    /// <summary>A refused rollback candidate.</summary>
    internal sealed record CandidateProblem(string Digest, IReadOnlyList<GuardProblem> UnmetGuards);
}
