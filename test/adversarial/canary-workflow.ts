/**
 * A workflow that hard-codes secret canaries in the shapes issue 14 found leaking (`--set
 * db.password=`, `X-Api-Key:` and bare `Authorization:` headers, lower-case npm config
 * tokens), in a step whose name carries bidi overrides and workflow commands.
 */
export const CANARIES = {
  helm: 'Zq9CanaryHelm01',
  apiKey: 'Zq9CanaryApiKey02',
  authorization: 'Zq9CanaryAuth0003',
  npmToken: 'Zq9CanaryNpm04',
  npmAuthToken: 'Zq9CanaryNpm05',
  xAuthToken: 'Zq9CanaryXAuth06',
} as const;

/** Matches any canary, escaped or split by nothing. */
export const CANARY = /Zq9Canary/;

/** Right-to-left override and isolate characters around text (Trojan Source). */
export const BIDI = '\u202eevil\u202c\u2066x\u2069';
/** Any bidi embedding, override, isolate or mark. */
export const BIDI_CHAR = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
export const BIDI_NAME = `Deploy ${BIDI} ::warning::forged`;

export const CANARY_WORKFLOW = `name: ci
on: pull_request
permissions:
  contents: write
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - name: ${JSON.stringify(BIDI_NAME)}
        run: |
          helm upgrade app-${BIDI} ./chart --set db.password=${CANARIES.helm}
          curl -H "X-Api-Key: ${CANARIES.apiKey}" -X POST https://api.example.com/deploy
          curl -H "Authorization: ${CANARIES.authorization}" https://api.example.com
          curl -H 'X-Auth-Token: ${CANARIES.xAuthToken}' https://api.example.com
          npm_config_token=${CANARIES.npmToken} npm publish
          npm_config__authToken=${CANARIES.npmAuthToken} npm publish
          git push origin HEAD:main
`;
