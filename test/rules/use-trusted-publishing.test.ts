import rule from '../../src/engine/rules/use-trusted-publishing.js';
import { testRule } from './rule-tester.js';

const job = (steps: string, extra = '') => `on: push
jobs:
  release:
    runs-on: ubuntu-latest
${extra}    steps:
${steps}`;

testRule(rule, {
  valid: [
    {
      name: 'PyPI action with OIDC (no password)',
      workflow: job(
        '      - uses: pypa/gh-action-pypi-publish@release/v1\n',
        '    permissions:\n      id-token: write\n',
      ),
    },
    {
      name: 'PyPI action to a private index',
      workflow: job(
        '      - uses: pypa/gh-action-pypi-publish@release/v1\n        with:\n          repository-url: https://pkgs.example.com/simple/\n          password: ${{ secrets.TOKEN }}\n',
      ),
    },
    {
      name: 'token minted by crates-io-auth-action',
      workflow: job(
        '      - uses: rust-lang/crates-io-auth-action@v1\n        id: auth\n      - run: cargo publish --token ${{ steps.auth.outputs.token }}\n',
      ),
    },
    {
      name: 'npm to GitHub Packages with GITHUB_TOKEN',
      workflow: job(
        '      - run: npm publish\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n',
      ),
    },
    {
      name: 'npm to another registry by flag',
      workflow: job(
        '      - run: npm publish --registry https://npm.example.com\n        env:\n          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n',
      ),
    },
    {
      name: 'setup-node points npm at another registry',
      workflow: job(
        '      - uses: actions/setup-node@v4\n        with:\n          registry-url: https://npm.pkg.github.com\n      - run: npm publish\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.PKG_TOKEN }}\n',
      ),
    },
    {
      name: 'dry run and echo',
      workflow: job(
        '      - run: |\n          npm publish --dry-run\n          echo "cargo publish --token $T"\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n          T: ${{ secrets.CARGO }}\n',
      ),
    },
    {
      name: 'token env without a publish command',
      workflow: job(
        '      - run: npm ci\n',
        '    env:\n      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n',
      ),
    },
    {
      name: 'changesets/action without publish input',
      workflow: job(
        '      - uses: changesets/action@v1\n        env:\n          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'PyPI action with password',
      workflow: job(
        '      - uses: pypa/gh-action-pypi-publish@release/v1\n        with:\n          password: ${{ secrets.PYPI_API_TOKEN }}\n',
      ),
      errors: ['8:21'],
    },
    {
      name: 'npm publish --provenance still given a static token',
      workflow: job(
        '      - run: npm publish --provenance\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n',
        '    permissions:\n      id-token: write\n',
      ),
      errors: ['10:28'],
    },
    {
      name: 'token flag through a shell variable',
      workflow: job(
        '      - run: |\n          cargo build\n          cargo publish --token "$CRATES"\n        env:\n          CRATES: ${{ secrets.CRATES_IO_TOKEN }}\n',
      ),
      errors: ['8:11'],
    },
    {
      name: 'twine via python -m with job-level TWINE_PASSWORD',
      workflow: job(
        '      - run: python -m twine upload dist/*\n',
        '    env:\n      TWINE_USERNAME: __token__\n      TWINE_PASSWORD: ${{ secrets.PYPI }}\n',
      ),
      errors: ['7:23'],
    },
    {
      name: 'cargo login in an earlier step',
      workflow: job(
        '      - run: cargo login ${{ secrets.CRATES_IO_TOKEN }}\n      - run: cargo publish\n',
      ),
      errors: ['6:14'],
    },
    {
      name: 'npmrc _authToken line',
      workflow: job(
        '      - run: |\n          echo "//registry.npmjs.org/:_authToken=${{ secrets.NPM_TOKEN }}" > ~/.npmrc\n          npm publish\n',
      ),
      errors: ['7:39'],
    },
    {
      name: 'RubyGems release-gem with trusted publishing turned off',
      workflow: job(
        '      - uses: rubygems/release-gem@v1\n        with:\n          setup-trusted-publisher: false\n',
      ),
      errors: ['8:36'],
    },
    {
      name: 'semantic-release action with NPM_TOKEN',
      workflow: job(
        '      - uses: cycjimmy/semantic-release-action@v4\n        env:\n          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n',
      ),
      errors: ['9:22'],
    },
    {
      name: 'NuGet api key by flag',
      workflow: job(
        '      - run: dotnet nuget push x.nupkg -k ${{ secrets.NUGET_API_KEY }} -s https://api.nuget.org/v3/index.json\n',
      ),
      errors: ['6:14'],
    },
  ],
});
