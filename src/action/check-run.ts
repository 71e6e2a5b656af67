/**
 * The `sshlint` check run: every reported finding as a Checks API annotation. GitHub takes at
 * most 50 annotations per request, so the run is created with the first 50 and updated with the
 * rest, 50 at a time (updates append). A read-only token (fork pull requests) answers 403.
 */
import type { Finding } from '../core/finding.js';
import { ruleDocsUrl } from '../core/rule-meta.js';
import { annotationFields, annotationMessage } from '../report/github.js';
import { byImportance } from './annotations.js';
import { describeApiError } from './changed-files.js';
import { truncateBytes, truncateChars } from './truncate.js';

export const CHECK_RUN_NAME = 'sshlint';
export const ANNOTATIONS_PER_REQUEST = 50;
/**
 * GitHub's secondary rate limit allows about 80 content-creating requests a minute; 50 requests
 * (2,500 annotations) stay well inside it. Past that, the summary says what was left out.
 */
export const MAX_ANNOTATION_REQUESTS = 50;

const MAX_TITLE_CHARS = 255;
/** "64 KB" for message and raw_details; kept a little under. */
const MAX_MESSAGE_BYTES = 64 * 1024 - 1024;
/** output.summary and output.text: 65535 characters. */
export const MAX_OUTPUT_CHARS = 65_535;

// Type aliases rather than interfaces: octokit's parameter types need an implicit index signature.
export type CheckRunAnnotation = {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'failure' | 'warning' | 'notice';
  message: string;
  title?: string;
  raw_details?: string;
};

export type CheckRunOutput = {
  title: string;
  summary: string;
  annotations: CheckRunAnnotation[];
};

type Conclusion = 'success' | 'failure';

export type CreateCheckRunParams = {
  owner: string;
  repo: string;
  name: string;
  head_sha: string;
  status: 'in_progress' | 'completed';
  conclusion?: Conclusion;
  completed_at?: string;
  details_url?: string;
  output: CheckRunOutput;
};

export type UpdateCheckRunParams = {
  owner: string;
  repo: string;
  check_run_id: number;
  status?: 'completed';
  conclusion?: Conclusion;
  completed_at?: string;
  output: CheckRunOutput;
};

/** The two Checks API calls used (octokit.rest.checks satisfies it). */
export interface ChecksApi {
  create(params: CreateCheckRunParams): Promise<{ data: { id: number; html_url?: string | null } }>;
  update(params: UpdateCheckRunParams): Promise<unknown>;
}

export interface CheckRunRequest {
  owner: string;
  repo: string;
  headSha: string;
  failed: boolean;
  title: string;
  /** Markdown; cut to GitHub's limit here. */
  summary: string;
  findings: readonly Finding[];
  /** Link from the check run to the workflow run. */
  detailsUrl?: string;
}

export type CheckRunOutcome =
  | { status: 'created'; url?: string; annotated: number; leftOut: number; requests: number }
  | { status: 'read-only'; message: string }
  | { status: 'failed'; message: string };

const LEVEL: Readonly<Record<Finding['severity'], CheckRunAnnotation['annotation_level']>> = {
  error: 'failure',
  warning: 'warning',
  note: 'notice',
};

export function toCheckAnnotation(finding: Finding): CheckRunAnnotation {
  const fields = annotationFields(finding);
  const annotation: CheckRunAnnotation = {
    path: fields.file,
    start_line: fields.startLine,
    end_line: fields.endLine ?? fields.startLine,
    annotation_level: LEVEL[finding.severity],
    message: truncateBytes(annotationMessage(finding), MAX_MESSAGE_BYTES),
    title: truncateChars(fields.title, MAX_TITLE_CHARS),
  };
  // Columns only when the annotation is on one line (fields leaves them out otherwise).
  if (fields.startColumn !== undefined) annotation.start_column = fields.startColumn;
  if (fields.endColumn !== undefined) annotation.end_column = fields.endColumn;
  const details = [
    ...(finding.related ?? []).map((related) => `${related.file}:${related.line}:${related.column}: ${related.message}`),
    `Rule: ${ruleDocsUrl({ id: finding.ruleId })}`,
  ];
  annotation.raw_details = truncateBytes(details.join('\n'), MAX_MESSAGE_BYTES);
  return annotation;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks.length > 0 ? chunks : [[]];
}

export async function publishCheckRun(api: ChecksApi, request: CheckRunRequest): Promise<CheckRunOutcome> {
  const annotations = [...request.findings].sort(byImportance).map(toCheckAnnotation);
  const batches = chunk(annotations, ANNOTATIONS_PER_REQUEST).slice(0, MAX_ANNOTATION_REQUESTS);
  const annotated = batches.reduce((sum, batch) => sum + batch.length, 0);
  const leftOut = annotations.length - annotated;
  const summary = truncateChars(
    leftOut > 0
      ? `${request.summary}\n\n${leftOut} more findings have no annotation here: GitHub's API would be asked more than ${MAX_ANNOTATION_REQUESTS} times. The job summary and the SARIF file list them all.`
      : request.summary,
    MAX_OUTPUT_CHARS,
  );
  const output = (batch: CheckRunAnnotation[]): CheckRunOutput => ({ title: request.title, summary, annotations: batch });
  const conclusion: Conclusion = request.failed ? 'failure' : 'success';
  const base = { owner: request.owner, repo: request.repo };
  const last = batches.length - 1;

  let id: number;
  let url: string | undefined;
  try {
    const created = await api.create({
      ...base,
      name: CHECK_RUN_NAME,
      head_sha: request.headSha,
      ...(request.detailsUrl ? { details_url: request.detailsUrl } : {}),
      ...(last === 0 ? { status: 'completed', conclusion, completed_at: new Date().toISOString() } : { status: 'in_progress' }),
      output: output(batches[0]!),
    });
    id = created.data.id;
    url = created.data.html_url ?? undefined;
  } catch (error) {
    if ((error as { status?: unknown })?.status === 403) return { status: 'read-only', message: describeApiError(error) };
    return { status: 'failed', message: `creating the check run: ${describeApiError(error)}` };
  }
  let requests = 1;
  try {
    for (let index = 1; index <= last; index++) {
      await api.update({
        ...base,
        check_run_id: id,
        ...(index === last ? { status: 'completed', conclusion, completed_at: new Date().toISOString() } : {}),
        output: output(batches[index]!),
      });
      requests++;
    }
  } catch (error) {
    const message = `adding annotations ${requests * ANNOTATIONS_PER_REQUEST + 1}–${annotations.length} to the check run: ${describeApiError(error)}`;
    // Do not leave the run "in progress" for ever.
    await api
      .update({ ...base, check_run_id: id, status: 'completed', conclusion, completed_at: new Date().toISOString(), output: output([]) })
      .catch(() => undefined);
    return { status: 'failed', message };
  }
  return { status: 'created', ...(url ? { url } : {}), annotated, leftOut, requests };
}
