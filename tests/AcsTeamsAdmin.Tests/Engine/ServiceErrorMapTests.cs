using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Tests.Engine;

public class ServiceErrorMapTests
{
    [Theory]
    [InlineData(ServiceKind.Graph, 403, "Authorization_RequestDenied", ErrorIds.InsufficientPrivileges, FailureCategory.PermissionDenied)]
    [InlineData(ServiceKind.Graph, 404, "Request_ResourceNotFound", ErrorIds.ResourceNotFound, FailureCategory.ObjectNotFound)]
    [InlineData(ServiceKind.Graph, 409, "Request_MultipleObjectsWithSameKeyValue", ErrorIds.ResourceConflict, FailureCategory.ResourceExists)]
    [InlineData(ServiceKind.Graph, 429, null, ErrorIds.Throttled, FailureCategory.LimitsExceeded)]
    [InlineData(ServiceKind.Graph, 401, "InvalidAuthenticationToken", ErrorIds.AccessTokenRejected, FailureCategory.AuthenticationError)]
    [InlineData(ServiceKind.EntraId, 401, "invalid_client", ErrorIds.SignInFailed, FailureCategory.AuthenticationError)]
    [InlineData(ServiceKind.EntraId, 400, "expired_token", ErrorIds.SignInCancelled, FailureCategory.OperationTimeout)]
    [InlineData(ServiceKind.CommunicationIdentity, 401, "Denied", ErrorIds.AccessTokenRejected, FailureCategory.AuthenticationError)]
    public void Service_answers_map_to_specific_errors(ServiceKind service, int status, string? code, string errorId, FailureCategory category)
    {
        var rule = ServiceErrorMap.Resolve(service, status, code);
        Assert.Equal(errorId, rule.ErrorId);
        Assert.Equal(category, rule.Category);
        Assert.False(string.IsNullOrWhiteSpace(rule.RecommendedAction));
    }

    [Fact]
    public void Codes_match_case_insensitively() =>
        Assert.Equal(ErrorIds.SignInFailed, ServiceErrorMap.Resolve(ServiceKind.EntraId, 400, "INVALID_GRANT").ErrorId);

    [Fact]
    public void An_unknown_answer_is_a_generic_service_error_not_an_exception()
    {
        var serverSide = ServiceErrorMap.Resolve(ServiceKind.Graph, 500, "SomethingNew");
        var clientSide = ServiceErrorMap.Resolve(ServiceKind.Graph, 418, null);
        Assert.Equal(ErrorIds.ServiceError, serverSide.ErrorId);
        Assert.Equal(FailureCategory.ResourceUnavailable, serverSide.Category);
        Assert.Equal(FailureCategory.InvalidOperation, clientSide.Category);
    }

    [Fact]
    public void No_two_rules_are_equally_specific_for_the_same_answer()
    {
        var duplicates = ServiceErrorMap.Rules
            .GroupBy(rule => (rule.Service, rule.HttpStatus, Code: rule.ServiceErrorCode?.ToUpperInvariant()))
            .Where(group => group.Count() > 1)
            .Select(group => group.Key)
            .ToArray();
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_error_id_used_by_the_map_is_declared_in_ErrorIds()
    {
        var declared = typeof(ErrorIds).GetFields().Select(field => (string)field.GetValue(null)!).ToHashSet();
        Assert.All(ServiceErrorMap.Rules, rule => Assert.Contains(rule.ErrorId, declared));
    }

    [Fact]
    public void No_two_error_ids_share_a_value()
    {
        var values = typeof(ErrorIds).GetFields().Select(field => (string)field.GetValue(null)!).ToArray();
        Assert.True(values.Length > 20);
        Assert.Equal(values.Length, values.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
