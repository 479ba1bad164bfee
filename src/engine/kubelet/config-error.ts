/** generateContainerConfig failed: the container waits with CreateContainerConfigError and this message. */
export class ContainerConfigError extends Error {}
