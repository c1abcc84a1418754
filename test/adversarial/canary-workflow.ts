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

export const BIDI_NAME = 'Deploy \u202eevil\u202c \u2066x\u2069 ::warning::forged';

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
          helm upgrade app ./chart --set db.password=${CANARIES.helm}
          curl -H "X-Api-Key: ${CANARIES.apiKey}" -X DELETE https://api.example.com/repos/acme/app/branches/main/protection
          curl -H "Authorization: ${CANARIES.authorization}" https://api.example.com
          curl -H 'X-Auth-Token: ${CANARIES.xAuthToken}' https://api.example.com
          npm_config_token=${CANARIES.npmToken} npm publish
          npm_config__authToken=${CANARIES.npmAuthToken} npm publish
          git push origin HEAD:main
`;
