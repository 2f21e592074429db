// Generated from trailscope-core's Rust types by ts-rs (crates/core/src/wire.rs).
// Do not edit: `make wire-types` writes it again.

/**
 * One `PutEventSelectors` evaluation, the same data the CLI prints with `--format json`.
 */
export type Report = { 
/**
 * True when CloudTrail would accept the request (warnings allowed).
 */
valid: boolean, 
/**
 * What the text was read as; null when it is not JSON or not a known shape.
 */
form: InputForm | null, 
/**
 * The `PutEventSelectors` response, defaults filled in; null when the call fails.
 */
response: SelectorsResponse | null, 
/**
 * The error of the first failing stage, as the SDK or the API reports it.
 */
error: ApiError | null, 
/**
 * Every problem, ordered by position.
 */
diagnostics: Array<Diagnostic>, 
/**
 * The trail's selectors before and after the call (`get-event-selectors`).
 */
trail: TrailState | null, 
/**
 * Set when a context was given but cannot be used; the request is then judged without.
 */
context_error?: ContextError, };

/**
 * The report of a file: its first trail's report, the dialect, and each trail's report.
 */
export type FileReport = { 
/**
 * What the text was read as; null when it is not any known form.
 */
dialect: FileDialect | null, 
/**
 * Each trail's report (a JSON request's one; a template's every trail with selectors).
 */
trails: Array<TrailReport>, 
/**
 * True when CloudTrail would accept the request (warnings allowed).
 */
valid: boolean, 
/**
 * What the text was read as; null when it is not JSON or not a known shape.
 */
form: InputForm | null, 
/**
 * The `PutEventSelectors` response, defaults filled in; null when the call fails.
 */
response: SelectorsResponse | null, 
/**
 * The error of the first failing stage, as the SDK or the API reports it.
 */
error: ApiError | null, 
/**
 * Every problem, ordered by position.
 */
diagnostics: Array<Diagnostic>, 
/**
 * The trail's selectors before and after the call (`get-event-selectors`).
 */
trail: TrailState | null, 
/**
 * Set when a context was given but cannot be used; the request is then judged without.
 */
context_error?: ContextError, };

export type TrailReport = { 
/**
 * The trail's name as written, else its logical ID, address or construct ID.
 */
name: string, 
/**
 * The resource's logical ID, address or construct ID (empty for a JSON request).
 */
label: string, report: Report, };

/**
 * The dialects trailscope reads (`FileDialect` in TypeScript, beside the export's `Dialect`).
 */
export type FileDialect = "json" | "cloudformation-json" | "cloudformation-yaml" | "terraform" | "terraform-json" | "cdk" | "describe-trails";

/**
 * What the text was read as.
 */
export type InputForm = "PutEventSelectorsRequest" | "GetEventSelectorsOutput" | "EventSelectorList" | "AdvancedEventSelectorList";

/**
 * What a diagnostic is: the exception CloudTrail (or the SDK) would raise, or a lint name.
 */
export type Code = "JsonSyntaxError" | "InputTooLarge" | "UnrecognizedInput" | "SyntaxError" | "ParamValidationError" | "InvalidTrailNameException" | "CloudTrailARNInvalidException" | "ThrottlingException" | "UnsupportedOperationException" | "TrailNotFoundException" | "InvalidHomeRegionException" | "OperationNotPermittedException" | "NotOrganizationMasterAccountException" | "NoManagementAccountSLRExistsException" | "InsufficientDependencyServiceAccessPermissionException" | "ConflictException" | "InvalidEventSelectorsException" | "DuplicateKey" | "DuplicateValue" | "NoEffect" | "LogsNothing" | "NeverMatches" | "WildcardInValue" | "ArnEqualsPrefix" | "S3BucketWithoutSlash" | "ArnFormatMismatch" | "AllDataEvents" | "ProblemsNotShown" | "NotChecked" | "ToolDisagrees";

export type Severity = "error" | "warning" | "note";

/**
 * Whose words a message is: AWS's as observed against the real service
 * (`docs/aws-messages.md`), AWS's or botocore's as documented or produced deterministically, or
 * trailscope's own under a decision (`docs/decisions.md`) where AWS's text is not known.
 */
export type Provenance = "observed" | "documented" | "decision";

/**
 * A problem where it is: lines and columns are 1-based; `start`/`end` are byte offsets,
 * `from`/`to` UTF-16 offsets (what JS strings and editors count; set by `validate`).
 */
export type Diagnostic = { code: Code, severity: Severity, message: string, 
/**
 * RFC 6901 JSON pointer to the value (or member) at fault.
 */
pointer: string, line: number, column: number, end_line: number, end_column: number, help: string | null, 
/**
 * Repairs, the likeliest first (several when the user must pick one).
 */
fixes: Array<Fix>, 
/**
 * Byte offsets into the source.
 */
start: number, end: number, 
/**
 * UTF-16 offsets into the source, for JavaScript editors.
 */
from?: number, to?: number, 
/**
 * The spec section implemented, and the trailscope decision when AWS documents nothing.
 */
spec: string, decision: string | null, 
/**
 * Whose words `message` is: `observed` (AWS's, seen from the real service), `documented`
 * (AWS's or botocore's) or `decision` (trailscope's, where AWS's text is not known).
 */
provenance: Provenance, };

/**
 * A machine-applicable repair.
 */
export type Fix = { title: string, 
/**
 * The text the edits apply to: the request, or the account context.
 */
target: FixTarget, edits: Array<Edit>, };

/**
 * Which text a fix edits.
 */
export type FixTarget = "request" | "context";

/**
 * One replacement: byte offsets `start`/`end`, UTF-16 offsets `from`/`to` (set by `validate`).
 */
export type Edit = { start: number, end: number, from?: number, to?: number, text: string, };

/**
 * An error as the API (or the SDK) reports it (decisions D22).
 */
export type ApiError = { 
/**
 * Serialized as AWS spells it (`Code::as_str`).
 */
__type: Code, message: string, 
/**
 * 400 for service errors; absent for client-side ones.
 */
http_status?: number, raised_by: RaisedBy, };

/**
 * Who raised an error: the SDK before sending, or the service.
 */
export type RaisedBy = "client" | "service";

/**
 * `PutEventSelectorsResponse` / `GetEventSelectorsResponse` (spec §1.5).
 */
export type SelectorsResponse = { TrailARN: string, } & ({ "EventSelectors": Array<EventSelector> } | { "AdvancedEventSelectors": Array<AdvancedEventSelector> });

/**
 * What a trail stores: basic or advanced selectors, never both (spec §1.1).
 */
export type Selectors = { "EventSelectors": Array<EventSelector> } | { "AdvancedEventSelectors": Array<AdvancedEventSelector> };

/**
 * A basic event selector with the defaults CloudTrail fills in (spec §1.2, §1.5).
 */
export type EventSelector = { ReadWriteType: ReadWriteType, IncludeManagementEvents: boolean, DataResources: Array<DataResource>, ExcludeManagementEventSources: Array<string>, };

/**
 * `ReadWriteType` (spec §1.2); default `All`.
 */
export type ReadWriteType = "ReadOnly" | "WriteOnly" | "All";

export type DataResource = { Type: string, Values: Array<string>, };

export type AdvancedEventSelector = { Name?: string, FieldSelectors: Array<AdvancedFieldSelector>, };

export type AdvancedFieldSelector = { Field: string, Equals?: Array<string>, StartsWith?: Array<string>, EndsWith?: Array<string>, NotEquals?: Array<string>, NotStartsWith?: Array<string>, NotEndsWith?: Array<string>, };

/**
 * The trail's selectors as `get-event-selectors` would print them.
 */
export type TrailState = { before: SelectorsResponse, 
/**
 * After this call; equal to `before` when the call failed.
 */
after: SelectorsResponse, };

/**
 * A context that cannot be used, with its place in the context text (1-based).
 */
export type ContextError = { message: string, line: number, column: number, };

/**
 * How a record's bytes wrap the event: 0 the record itself, 1 a lookup-events entry
 * (`CloudTrailEvent` string), 2 an EventBridge event (`detail`).
 */
export type Wrapping = 0 | 1 | 2;

/**
 * An event's category. Trails' selectors can name the first three; `Insight` events come from
 * insight selectors, never from event selectors (spec §5.3), and `Other` stands for any value
 * trails do not know: no selector matches either.
 */
export type Category = "Management" | "Data" | "NetworkActivity" | "Insight" | "Other";

/**
 * One row of a replay's output as JSON: a verdict, or a record that could not be judged
 * (told apart by `message`).
 */
export type Row = VerdictRow | ProblemRow;

/**
 * The verdict on one event: the one row shape every consumer reads (the npm package's
 * `VerdictRow`, the CLI's JSON lines, the page).
 */
export type VerdictRow = { 
/**
 * Position among the input's records, from 0.
 */
index: number, 
/**
 * Byte offset of the record in the (decompressed) input.
 */
offset: number, eventID: string | null, eventSource: string | null, eventName: string | null, category: Category, logged: boolean, 
/**
 * Indexes of the selectors that matched.
 */
matched: Array<number>, 
/**
 * Byte length of the record: `offset`, `length` and `wrapping` find it again (to explain
 * the verdict) without keeping it.
 */
length: number, wrapping: Wrapping, };

/**
 * A record that could not be judged, and where it is.
 */
export type ProblemRow = { index: number, offset: number, 
/**
 * Line and column (from 1) in the file of what went wrong (the record's start when nothing
 * more precise is known); the message names the same place. Lines restart at each file.
 */
line: number, column: number, message: string, };

/**
 * The counts of a replay that are plain numbers (what a progress line shows).
 */
export type Totals = { events: number, logged: number, not_logged: number, problems: number, data_events: number, data_events_logged: number, 
/**
 * Events each selector matched (an event can match several).
 */
by_selector: Array<number>, };

export type NameCount = { events: number, logged: number, };

/**
 * The counts of a replay.
 */
export type Summary = { 
/**
 * Keyed by the category's name, in name order; categories never seen are left out.
 */
by_category: { [key in Category]?: NameCount }, 
/**
 * Keyed "eventSource eventName"; past 10,000 keys (`MAX_NAME_PAIRS`), the rest under
 * "(other)". Serialized in key order.
 */
by_event: { [key in string]: NameCount }, events: number, logged: number, not_logged: number, problems: number, data_events: number, data_events_logged: number, 
/**
 * Events each selector matched (an event can match several).
 */
by_selector: Array<number>, };

/**
 * One line of a top list: an eventSource/eventName pair ("(other)" past MAX_NAME_PAIRS) and
 * its counts.
 */
export type TopEvent = { name: string, events: number, logged: number, };

/**
 * For one selector: matched, or the first condition that failed.
 */
export type SelectorOutcome = { index: number, name: string | null, matched: boolean, 
/**
 * For advanced selectors that did not match: the field selector that failed.
 */
field_selector: number | null, reason: string, 
/**
 * The trailscope decision this outcome rests on, when AWS documents nothing.
 */
decision: string | null, };

/**
 * Why an event is logged or not.
 */
export type Explanation = { logged: boolean, category: Category, 
/**
 * The record has no eventCategory: its category was derived (decisions D26).
 */
category_derived: boolean, selectors: Array<SelectorOutcome>, };

/**
 * Which verdicts a filter keeps.
 */
export type Verdicts = "all" | "logged" | "not" | "changed";

/**
 * Which rows a page of the replay's verdicts shows.
 */
export type RowFilter = { logged: Verdicts, 
/**
 * Rows matched by this selector; null for any.
 */
selector: number | null, 
/**
 * Kept when "eventSource eventName" ("-" for a missing one; a problem: its message)
 * contains it, trimmed and case-insensitive.
 */
text: string, };

/** A class of events: advanced-selector field names (and `awsRegion`) to a value, a list of values, or a prefix. */
export type Question = { [key: string]: string | Array<string> | { StartsWith: string } };

/**
 * An answer, or why there is none: what the npm package and the page receive, as
 * `{"answer": value}` or `{"refused": message}` (externally tagged: the page reads it without serde).
 */
export type Asked<T> = { "answer": T } | { "refused": string };

/**
 * How much of a class the trail logs.
 */
export type Answer = "all" | "some" | "none";

/**
 * The answer to one question.
 */
export type Coverage = { answer: Answer, question: Question, trail: TrailFacts, loggedExample: Example | null, unloggedExample: Example | null, };

/**
 * The trail a question is asked of, as far as the answer depends on it.
 */
export type TrailFacts = { name: string | null, account: string, homeRegion: string, isLogging: boolean, isMultiRegionTrail: boolean, 
/**
 * An organization trail also logs its member accounts' events; no question key names an
 * account, so it changes no answer (decisions D33).
 */
isOrganizationTrail: boolean, 
/**
 * No context described the trail: it is taken as logging and multi-Region, so the answer
 * is about the selectors alone.
 */
assumed: boolean, };

/**
 * An event of the class, logged or not, and why.
 */
export type Example = { 
/**
 * A complete CloudTrail record.
 */
record: Record<string, unknown>, logged: boolean, 
/**
 * For each selector: matched, or the condition that failed (as the replay explains).
 */
deciding: Array<SelectorOutcome>, 
/**
 * The trail's own state refuses the event whatever the selectors say (decisions D33).
 */
trail: string | null, };

export type Diff = { equivalent: boolean, 
/**
 * Logged by A, not by B.
 */
onlyA: Array<DiffClass>, 
/**
 * Logged by B, not by A.
 */
onlyB: Array<DiffClass>, 
/**
 * More classes exist than were described.
 */
truncated: boolean, };

/**
 * Events one side logs and the other does not, described as a question.
 */
export type DiffClass = { question: Question, 
/**
 * How much of the class each side logs (the side that logs it first).
 */
logs: Answer, otherLogs: Answer, 
/**
 * An event of the class: logged by this side ...
 */
example: Example, 
/**
 * ... and not by the other (the same record).
 */
otherExample: Example, };

/**
 * A named question. `{bucket}` / `{source}` in the question are replaced by the argument.
 */
export type Preset = { id: string, title: string, 
/**
 * The question as JSON (see [`Question::from_json`]).
 */
question: string, 
/**
 * Who asks it, and where they say so.
 */
source: string, 
/**
 * The argument the question takes, if any, and its default.
 */
argument: [string, string] | null, };

/**
 * A selector template of the CloudTrail console, for management events or for the data events
 * of one resource type.
 */
export type Template = { id: string, title: string, data: boolean, 
/**
 * How sure the mapping from the console's label to field selectors is.
 */
source: string, };

/**
 * A template the selectors equal, on the events it speaks for.
 */
export type TemplateMatch = { template: string, title: string, 
/**
 * The resource type, for a data template.
 */
resourceType: string | null, source: string, };

/**
 * One question: the exact answer and each checker's conclusion.
 */
export type Comparison = { check: Check, question: Question, exact: Answer, checkers: Array<CheckerRow>, 
/**
 * The buckets the per-bucket checkers were given (the account's are unknown here).
 */
buckets: Array<string>, };

/**
 * The three questions a checker can be asked of one trail.
 */
export type Check = "s3Write" | "s3Read" | "managementReadWrite";

export type CheckerRow = { checker: Checker, name: string, conclusion: Conclusion, 
/**
 * Whether the checker's verdict is CloudTrail's (pass exactly when every event of the
 * class is logged); none when it did not evaluate.
 */
agrees: boolean | null, 
/**
 * The flaws, in words.
 */
explained: Array<string>, };

/**
 * The posture checkers modelled, in the column order of checkers.md §11.
 */
export type Checker = "prowler" | "steampipe" | "scoutSuite" | "cloudCustodian" | "cloudSploit" | "cloudbeat" | "cfnGuard" | "configRdkSample";

/**
 * A verdict and the flaws of the checker's logic this configuration exercised (sorted, once
 * each; possibly some even when the verdict agrees with CloudTrail: right by accident).
 */
export type Conclusion = { verdict: CheckerVerdict, flaws: Array<Flaw>, };

/**
 * A checker's verdict on one question.
 */
export type CheckerVerdict = { "kind": "pass" } | { "kind": "fail" } | { "kind": "notEvaluated", reason: string, };

/**
 * A flaw of a checker's logic, mirroring F1–F12 of checkers.md §11.
 */
export type Flaw = "advancedSelectorsIgnored" | "filtersIgnored" | "directionIgnored" | "oneSpellingOfAll" | "prefixCollision" | "acceptsRejectedValues" | "trailScopeIgnored" | "nonSemanticMetadata" | "wrongOperatorAlgebra" | "lastWriterWins" | "partitionHardCoded" | "destroysConfig";

export type Line = { kind: LineKind, text: string, 
/**
 * More to show on demand: an example's record (pretty JSON), a checker's flaws.
 */
detail?: string, };

/**
 * A key and the values offered for it (what the page's question builder lists).
 */
export type KeySuggestions = { key: string, values: Array<string>, };

/**
 * What a line is, for its look (and the CLI's indentation).
 */
export type LineKind = "heading" | "all" | "some" | "none" | "note" | "logged" | "unlogged" | "deciding" | "right" | "wrong" | "unknown" | "template";

/**
 * One candidate: what the list shows, the JSON text inserted, and what it is.
 */
export type Completion = { label: string, apply: string, 
/**
 * `property` (a member name), `field`, `operator` or `value`.
 */
kind: string, };

/**
 * What to write: the engine, the mode, and where the events are.
 */
export type SqlOptions = { dialect: SqlDialect, mode: Mode, 
/**
 * The CloudTrail table (Athena, Spark: `cloudtrail_logs_pp` when absent; DuckDB: a table
 * with the same columns, instead of log files).
 */
table?: string, 
/**
 * DuckDB only: the log files to read (a path or glob of `.json` / `.json.gz` files;
 * `*.json.gz` when neither this nor `table` is given).
 */
source?: string, };

/**
 * A SQL engine trailscope writes for (decisions D40: the table layout each one reads).
 */
export type SqlDialect = "athena" | "spark" | "duckdb";

/**
 * What the query returns.
 */
export type Mode = "where" | "view" | "select" | "count";

/**
 * A dialect the selectors can be exported to.
 */
export type Dialect = "cli" | "boto3" | "cfn-yaml" | "cfn-json" | "terraform" | "cdk";

/**
 * A dialect as a menu lists it.
 */
export type DialectInfo = { id: Dialect, label: string, extension: string, };
