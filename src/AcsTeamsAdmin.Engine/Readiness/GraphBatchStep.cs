namespace AcsTeamsAdmin.Engine.Readiness;

/// <summary>One GET inside a JSON batch.</summary>
/// <param name="Id">Unique within the batch; replies are matched by it (Graph answers in any order).</param>
/// <param name="Url">Relative to the Graph version root, e.g. /servicePrincipals(appId='...')?$select=id.</param>
/// <param name="WhatFailed">The read in the user's terms, for an error message.</param>
/// <param name="RequiredPermission">The least-privileged permission the read needs, named in a 403.</param>
/// <param name="Target">The user's input the read is about.</param>
internal sealed record GraphBatchStep(string Id, string Url, string WhatFailed, string RequiredPermission, object? Target);

/// <summary>A step's answer: 200 with a body, or 404 (an answer too: "there is none").</summary>
internal sealed record GraphBatchReply(string Id, int Status, System.Text.Json.JsonElement? Body)
{
    public bool NotFound => Status == 404;
}
