// An ECE error answer: status, error code and message (BasicFailedReply).

export class SandboxError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: string[],
  ) {
    super(message);
  }
}

export const notFound = (id: string) =>
  new SandboxError(404, 'deployments.deployment_not_found', `Deployment [${id}] cannot be found`);

export const invalid = (message: string, fields?: string[]) =>
  new SandboxError(400, 'root.invalid_data', message, fields);
