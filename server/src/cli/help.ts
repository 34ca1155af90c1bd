/** What `audit-lint --help` prints; its own module so that answering it loads nothing else. */
export const HELP = `Usage: audit-lint [paths or globs …] [options]
       audit-lint rules [--format json]
       audit-lint actions [paths or globs …] [--format csv|json|markdown] [--output FILE]
       audit-lint import FILE.docx [-o FILE.md | -o -] [--force]
       audit-lint init
       audit-lint export FILE.md --to docx|html [-o FILE] [--force] [--reference-docx FILE]
       audit-lint review FILE.docx [-o FILE] [--force] [--author NAME] [--min-severity info|warning|error]
       audit-lint summary [paths or globs …] [--today YYYY-MM-DD] [--format html|json|csv] [-o FILE]

Lint safeguarding case-audit reports written in Markdown or Word (.docx). A folder means its
**/*.md and **/*.docx. "audit-lint import" writes a Word document as a Markdown report.
"audit-lint actions" lists every action with its owner, measure, deadline, outcome and SMART score.
"audit-lint export" writes an accessible Word document or web page beside the report; it refuses a
report with personal data, placeholders or images without alt text (exit 1) unless --force.
"audit-lint review" writes the reviewer's copy of a Word document (draft.reviewed.docx), each
problem a Word comment on the words it concerns; exit codes as for a lint.
"audit-lint summary" shows the audit programme on one page: every report's scorecard, every
action with its due date and status on --today (default today), re-audits and recurring themes.

Options:
  --format NAME          stylish (default), json, sarif, junit or github
  --output FILE, -o      write the report to FILE instead of standard output
  --force                let import replace an existing file
  --fix                  apply safe fixes (insertions only) in place
  --fix-dry-run          print the changes --fix would make, as a diff
  --config FILE          use this configuration instead of the nearest .auditlintrc*
  --profile NAME         profile for files whose front matter names none
  --rule ID=SEVERITY     set a rule's severity (off, info, warning, error); repeatable
  --max-warnings N       exit with 1 when there are more than N warnings
  --quiet                report errors only
  --stdin                lint standard input; --stdin-filename NAME names it
  --debug                print stack traces for internal errors
  --version, --help

Exit codes: 0 no errors, 1 lint errors (or too many warnings), 2 usage, configuration or file errors.
`;
