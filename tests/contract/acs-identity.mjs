// The official ACS JavaScript SDK against the sandbox: an independent client of its ACS identity API.
// Input (environment): ACS_CONNECTION_STRING, ACS_WRONG_CONNECTION_STRING, TEAMS_TOKEN, EXPIRED_TEAMS_TOKEN,
// TEAMS_APP_ID, TEAMS_USER_ID, OTHER_USER_ID. Output (stdout): one JSON array of {step, ok, status, code, detail}.
// Tokens are never printed: only whether a step worked, and the service's status and code when it did not.
import { CommunicationIdentityClient } from "@azure/communication-identity";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const options = { allowInsecureConnection: true, retryOptions: { maxRetries: 0 } };
const client = new CommunicationIdentityClient(env("ACS_CONNECTION_STRING"), options);
const wrongKey = new CommunicationIdentityClient(env("ACS_WRONG_CONNECTION_STRING"), options);
const results = [];

async function step(name, action) {
  try {
    const detail = await action();
    results.push({ step: name, ok: true, status: null, code: null, detail: detail ?? null });
  } catch (error) {
    results.push({ step: name, ok: false, status: error.statusCode ?? null, code: error.code ?? null, detail: null });
  }
}

const shape = (t) => `${t.token.split(".").length}-part token, expires in ${Math.round((t.expiresOn - Date.now()) / 60000)} min`;

let user;
await step("createWithToken", async () => {
  const created = await client.createUserAndToken(["chat", "voip"], { tokenExpiresInMinutes: 60 });
  user = created.user;
  return `${created.user.communicationUserId.split("_")[0]} ${shape(created)}`;
});
await step("issue", async () => shape(await client.getToken(user, ["chat.join", "voip.join"])));
await step("revoke", async () => { await client.revokeTokens(user); });
await step("issueExpiry59", async () => shape(await client.getToken(user, ["chat"], { tokenExpiresInMinutes: 59 })));
await step("issueNoScopes", async () => shape(await client.getToken(user, [])));
await step("exchange", async () => shape(await client.getTokenForTeamsUser({
  teamsUserAadToken: env("TEAMS_TOKEN"), clientId: env("TEAMS_APP_ID"), userObjectId: env("TEAMS_USER_ID"),
})));
await step("exchangeOtherUser", async () => shape(await client.getTokenForTeamsUser({
  teamsUserAadToken: env("TEAMS_TOKEN"), clientId: env("TEAMS_APP_ID"), userObjectId: env("OTHER_USER_ID"),
})));
await step("exchangeExpired", async () => shape(await client.getTokenForTeamsUser({
  teamsUserAadToken: env("EXPIRED_TEAMS_TOKEN"), clientId: env("TEAMS_APP_ID"), userObjectId: env("TEAMS_USER_ID"),
})));
await step("wrongKey", async () => { await wrongKey.createUser(); });
await step("delete", async () => { await client.deleteUser(user); });
await step("issueAfterDelete", async () => shape(await client.getToken(user, ["chat"])));
await step("revokeAfterDelete", async () => { await client.revokeTokens(user); });

process.stdout.write(JSON.stringify(results) + "\n");
