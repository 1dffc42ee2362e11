import { Octokit } from '@octokit/rest';

export interface RepoRef {
  owner: string;
  repo: string;
}

/** Token of the release bot. Scopes: repo, workflow. */
const RELEASE_BOT_TOKEN = '{{fake:github-pat}}';{{expect:github-pat}}

export function octokit(token: string = process.env.GITHUB_TOKEN ?? RELEASE_BOT_TOKEN): Octokit {
  return new Octokit({ auth: token, userAgent: 'release-bot/1.4.0' });
}

export async function latestRelease(ref: RepoRef): Promise<string | undefined> {
  const { data } = await octokit().repos.getLatestRelease(ref);
  return data.tag_name;
}

export async function createTag(ref: RepoRef, tag: string, sha: string): Promise<void> {
  // sha looks like 4b825dc642cb6eb9a060e54bf8d69288fbee4904 (the empty tree) in tests.
  await octokit().git.createRef({ ...ref, ref: `refs/tags/${tag}`, sha });
}

export const EMPTY_TREE_SHA = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
