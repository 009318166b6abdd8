// Run 2 built with -DskipTests: no test ran, so target/evals4j/report.json is the one of run 1,
// and check --since (the build's start) refuses to judge it: the build fails with one line.
// build.log holds both builds, one after the other.
def log = new File(basedir, 'build.log').text
def end1 = log.indexOf('BUILD SUCCESS')
assert end1 > 0 : 'run 1 passed'
def run1 = log.substring(0, end1)
def run2 = log.substring(end1)
assert new File(basedir, 'target/evals4j/report.json').isFile() : 'run 1 wrote its report'
assert run1.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert run1 =~ /evals4j: all \d+ judged gates passed/ : 'check judged run 1 on its own report'

assert run2.contains('Tests are skipped.') : 'run 2 ran no test'
assert run2 =~ /evals4j check: .*report\.json is from a run that started at .*, before this build/ :
    'check says the report is stale'
assert !(run2 =~ /judged gates? passed/) : 'no verdict on the stale report'
assert run2.contains('BUILD FAILURE')
return true
