/** The outputs sink: the step's outputs (counts and the conclusion) for later steps of the job. */
import * as core from '@actions/core'
import type { Sink } from '../publish.js'

export function outputsSink(): Sink {
  return {
    name: 'outputs',
    async publish(stream, pub) {
      const reported = stream.reported
      core.setOutput('findings', reported.length)
      core.setOutput('new-findings', reported.length - pub.verdict.existing.length)
      core.setOutput('errors', reported.filter((f) => f.severity === 'error').length)
      core.setOutput('warnings', reported.filter((f) => f.severity === 'warning').length)
      core.setOutput('notices', reported.filter((f) => f.severity === 'notice').length)
      core.setOutput('conclusion', pub.verdict.conclusion)
    }
  }
}
