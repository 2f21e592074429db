// A TypeScript consumer of the package, type-checked by `tsc -p tests/npm` (never run): the
// results are typed, not `any` (each @ts-expect-error must find an error).
import { validate, defaultContext, ReplaySession, VerdictStore, type Code, type Diagnostic, type Row, type RowsPage } from "trailscope";
import init, { validate as validateOnPage } from "trailscope/web";

const report = validate('{"TrailName": "t-trail", "EventSelectors": [{}]}', defaultContext());
const codes: Code[] = report.diagnostics.map((d: Diagnostic) => d.code);
const where: [string, number, number, number] = [report.diagnostics[0].pointer, report.diagnostics[0].line, report.diagnostics[0].from, report.diagnostics[0].to];
const exception: Code | undefined = report.error?.__type;
if (report.response && "EventSelectors" in report.response) {
  const readWrite: "ReadOnly" | "WriteOnly" | "All" = report.response.EventSelectors[0].ReadWriteType;
  void readWrite;
}
// @ts-expect-error: codes are a closed union
const unknownCode: Code = "NoSuchException";
// @ts-expect-error: a diagnostic's fix may be null
const title: string = report.diagnostics[0].fix.title;
// @ts-expect-error: context_error is optional
const contextLine: number = report.context_error.line;

const session = new ReplaySession("{}", null);
const rows: Row[] = JSON.parse(session.push(new Uint8Array(), true));
const logged: number = JSON.parse(session.finish(false));
for (const row of rows) {
  if ("logged" in row) {
    const explanation = JSON.parse(session.explain("{}", row.wrapping));
    if ("selectors" in explanation) {
      const reasons: string[] = explanation.selectors.map((s) => s.reason);
      void reasons;
    }
  }
}
const summary = JSON.parse(session.summary());
const perSelector: number[] = summary.by_selector;
// @ts-expect-error: the summary has no such member
void summary.nothing;
// @ts-expect-error: wrapping is 0, 1 or 2
session.explain("{}", 3);
const store = new VerdictStore("{}", null, null);
const page: RowsPage = JSON.parse(store.page({ logged: "changed", selector: null, text: "" }, 0, 20));
const top: string[] = JSON.parse(store.report()).top.map((t) => t.name);
// @ts-expect-error: the verdict filter is a closed union
store.page({ logged: "sometimes", selector: null, text: "" }, 0, 20);
void [page, top];
// Plain JSON.parse stays `any`.
const untouched: Date = JSON.parse("{}");

await init();
const onPage: boolean = validateOnPage("{}").valid;

export { codes, where, exception, unknownCode, title, contextLine, logged, perSelector, untouched, onPage };
