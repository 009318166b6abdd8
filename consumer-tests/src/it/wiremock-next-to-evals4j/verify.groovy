// Both builds passed (invoker.properties); check that they passed for the right reasons.
def log = new File(basedir, 'build.log').text
assert log.count('Tests run: 4, Failures: 0, Errors: 0, Skipped: 0\n') == 2 : 'the four consumer tests ran, twice'
// WireMock's versions won nearest-wins (it is declared first): evals4j ran on them
def versions = log.readLines().findAll { it.startsWith('consumer classpath:') }
versions.each { println it }
assert versions.size() == 2
assert versions[0].contains('json-schema-validator-1.5.9.jar') : 'WireMock 3.13.2'
assert versions[1].contains('json-schema-validator-1.0.86.jar') : 'WireMock 3.0.1'
assert versions[1].contains('jackson-core-2.15.2.jar') && versions[1].contains('jackson-databind-2.15.2.jar')
// the extension ran in the user's build and wrote its report
assert new File(basedir, 'target/evals4j/report.json').isFile()
// SENTRY_DSN was set, to a port where nothing listens (consumer-tests/pom.xml): the four tests
// passed all the same (above), the run did not wait beyond its flush timeout, and its summary
// says that nothing was delivered and why
def sentry = log.readLines().findAll { it.contains('; Sentry: ') }
sentry.each { println it }
assert sentry.size() == 2 : 'one run summary per build'
sentry.each { line ->
  assert line =~ /: 0 sent, [1-9]\d* failed \(network ×\d+\)/ : 'the summary counts the undelivered envelopes'
  def flush = (line =~ /\(flush (\d+) ms of (\d+) ms\)/)
  assert flush.find() : 'the summary gives the flush time'
  assert (flush.group(1) as long) <= (flush.group(2) as long) + 500 : 'no wait beyond the flush timeout'
}
// the published POM of evals4j-llm-assertions does not hand json-schema-validator to users
def pom = new File(localRepositoryPath,
    'io/github/evals4j/evals4j-llm-assertions/' + projectVersion + '/evals4j-llm-assertions-' + projectVersion + '.pom').text
def dependencies = pom.replaceAll('(?s)<build>.*</build>', '')
assert dependencies.contains('<artifactId>jackson-databind</artifactId>')
assert !dependencies.contains('json-schema-validator') : 'json-schema-validator must be relocated, not a dependency'
assert !dependencies.contains('<artifactId>itu</artifactId>')
// the relocated validator brings no module descriptor of its own into our jar
def jar = new java.util.zip.ZipFile(new File(localRepositoryPath,
    'io/github/evals4j/evals4j-llm-assertions/' + projectVersion + '/evals4j-llm-assertions-' + projectVersion + '.jar'))
assert jar.getEntry('io/github/evals4j/shaded/networknt/schema/SchemaRegistry.class') != null
assert jar.getEntry('io/github/evals4j/shaded/networknt/jsv-messages.properties') != null
assert jar.entries().findAll { it.name.endsWith('module-info.class') || it.name.startsWith('com/networknt/') }.isEmpty()
jar.close()
return true
