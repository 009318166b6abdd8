// Run 2 built with -DskipTests: no test ran, so target/evals4j/report.json is the one of run 1.
//
// TO ENABLE WHEN BRANCH "verdict" IS MERGED: set expectStaleReportRejected to true (and
// invoker.buildResult.2 = failure in invoker.properties). Until then check accepts the stale
// report, which is what the rest of this script pins down.
boolean expectStaleReportRejected = true

def log = new File(basedir, 'build.log').text
def report = new File(basedir, 'target/evals4j/report.json')
assert report.isFile() : 'run 1 wrote its report'
assert log.contains('Tests are skipped.') : 'run 2 ran no test'
if (expectStaleReportRejected) {
  assert log =~ /(?i)evals4j check: .*(before this build|earlier run)/ : 'check says the report is stale'
  assert log.contains('BUILD FAILURE')
} else {
  // today: check judges the earlier run's report and passes
  assert log.contains('BUILD SUCCESS')
  assert log =~ /evals4j: .*gates? passed|0 of \d+ gates failed|all .*gates passed/
}
return true
