import { describe, expect, it } from 'vitest';
import { admitManifests, formatDiagnostic } from '../manifest';
import { pod } from './test-manifest';

const V = 'pkg/apis/core/validation/validation.go';
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const NO_INIT = 'Forbidden: may not be set for init containers without restartPolicy=Always';

// Each case: the rule (and where Kubernetes implements it), the manifest, one expected diagnostic.
const errorCases: [string, string, string][] = [
  [
    `metadata.name required (ValidateObjectMeta, ${V})`,
    pod('', '', '  labels: {a: b}\n'),
    'pod.yaml:3:1: metadata.name: Required value: name or generateName is required',
  ],
  [
    `metadata.name is a DNS-1123 subdomain (ValidatePodName)`,
    pod('', '', '  name: Bad_Name\n'),
    `pod.yaml:4:9: metadata.name: Invalid value: "Bad_Name": ${SUBDOMAIN_MSG}`,
  ],
  [
    `metadata.name at most 253 characters (IsDNS1123Subdomain)`,
    pod('', '', `  name: ${'a'.repeat(254)}\n`),
    `pod.yaml:4:9: metadata.name: Invalid value: "${'a'.repeat(254)}": must be no more than 253 characters`,
  ],
  [
    `metadata.namespace is a DNS-1123 label (ValidateObjectMeta)`,
    pod('', '', '  name: p\n  namespace: a.b\n'),
    'pod.yaml:5:14: metadata.namespace: Invalid value: "a.b": must not contain dots',
  ],
  [
    `containers non-empty (validateContainers)`,
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: []\n',
    'pod.yaml:6:15: spec.containers: Required value',
  ],
  [
    `container name is a DNS-1123 label (validateContainerCommon)`,
    pod('  - name: Web_1\n    image: nginx\n'),
    `pod.yaml:9:11: spec.containers[1].name: Invalid value: "Web_1": ${LABEL_MSG}`,
  ],
  [
    `container name at most 63 characters (IsDNS1123Label)`,
    pod(`  - name: ${'c'.repeat(64)}\n    image: nginx\n`),
    `pod.yaml:9:11: spec.containers[1].name: Invalid value: "${'c'.repeat(64)}": must be no more than 63 characters`,
  ],
  [
    `container names unique (validateContainers)`,
    pod('  - name: c\n    image: nginx\n'),
    'pod.yaml:9:11: spec.containers[1].name: Duplicate value: "c"',
  ],
  [
    `names unique across init and regular containers (validateInitContainers)`,
    pod('', '  initContainers:\n  - name: c\n    image: busybox\n'),
    'pod.yaml:7:11: spec.initContainers[0].name: Duplicate value: "c"',
  ],
  [
    `image required (validateContainerCommon)`,
    pod('  - name: d\n'),
    'pod.yaml:9:5: spec.containers[1].image: Required value',
  ],
  [
    `containerPort required (validateContainerPorts)`,
    pod('    ports:\n    - containerPort: 0\n'),
    'pod.yaml:10:22: spec.containers[0].ports[0].containerPort: Required value',
  ],
  [
    `containerPort 1..65535 (IsValidPortNum)`,
    pod('    ports:\n    - containerPort: 70000\n'),
    'pod.yaml:10:22: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
  ],
  [
    `named port at most 15 characters (IsValidPortName)`,
    pod('    ports:\n    - containerPort: 80\n      name: a-very-long-http-port\n'),
    'pod.yaml:11:13: spec.containers[0].ports[0].name: Invalid value: "a-very-long-http-port": must be no more than 15 characters',
  ],
  [
    `port names unique in a container (validateContainerPorts)`,
    pod('    ports:\n    - {containerPort: 80, name: web}\n    - {containerPort: 81, name: web}\n'),
    'pod.yaml:11:33: spec.containers[0].ports[1].name: Duplicate value: "web"',
  ],
  [
    `port protocol enum (validateContainerPorts)`,
    pod('    ports:\n    - {containerPort: 80, protocol: HTTP}\n'),
    'pod.yaml:10:37: spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
  ],
  [
    `probe needs a handler (validateHandler)`,
    pod('    livenessProbe:\n      periodSeconds: 5\n'),
    'pod.yaml:10:7: spec.containers[0].livenessProbe: Required value: must specify a handler type',
  ],
  [
    `probe has at most one handler (validateHandler)`,
    pod('    readinessProbe:\n      exec: {command: [ls]}\n      tcpSocket: {port: 80}\n'),
    'pod.yaml:11:7: spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type',
  ],
  [
    `exec probe needs a command (validateExecAction)`,
    pod('    livenessProbe:\n      exec: {}\n'),
    'pod.yaml:10:7: spec.containers[0].livenessProbe.exec.command: Required value',
  ],
  [
    `periodSeconds not negative (validateProbe, ValidateNonnegativeField)`,
    pod('    livenessProbe:\n      exec: {command: [ls]}\n      periodSeconds: -1\n'),
    'pod.yaml:11:22: spec.containers[0].livenessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0',
  ],
  [
    `timeoutSeconds not negative (validateProbe)`,
    pod('    readinessProbe:\n      exec: {command: [ls]}\n      timeoutSeconds: -2\n'),
    'pod.yaml:11:23: spec.containers[0].readinessProbe.timeoutSeconds: Invalid value: -2: must be greater than or equal to 0',
  ],
  [
    `failureThreshold not negative (validateProbe)`,
    pod('    startupProbe:\n      exec: {command: [ls]}\n      failureThreshold: -3\n'),
    'pod.yaml:11:25: spec.containers[0].startupProbe.failureThreshold: Invalid value: -3: must be greater than or equal to 0',
  ],
  [
    `initialDelaySeconds not negative (validateProbe)`,
    pod('    livenessProbe:\n      exec: {command: [ls]}\n      initialDelaySeconds: -5\n'),
    'pod.yaml:11:28: spec.containers[0].livenessProbe.initialDelaySeconds: Invalid value: -5: must be greater than or equal to 0',
  ],
  [
    `liveness successThreshold must be 1 (validateLivenessProbe)`,
    pod('    livenessProbe:\n      exec: {command: [ls]}\n      successThreshold: 2\n'),
    'pod.yaml:11:25: spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
  ],
  [
    `startup successThreshold must be 1 (validateStartupProbe)`,
    pod('    startupProbe:\n      exec: {command: [ls]}\n      successThreshold: 3\n'),
    'pod.yaml:11:25: spec.containers[0].startupProbe.successThreshold: Invalid value: 3: must be 1',
  ],
  [
    `probe terminationGracePeriodSeconds positive (validateProbe)`,
    pod('    livenessProbe:\n      exec: {command: [ls]}\n      terminationGracePeriodSeconds: 0\n'),
    'pod.yaml:11:38: spec.containers[0].livenessProbe.terminationGracePeriodSeconds: Invalid value: 0: must be greater than 0',
  ],
  [
    `httpGet port number in range (ValidatePortNumOrName)`,
    pod('    livenessProbe:\n      httpGet: {port: 0}\n'),
    'pod.yaml:10:23: spec.containers[0].livenessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive',
  ],
  [
    `httpGet port name well-formed (IsValidPortName)`,
    pod('    livenessProbe:\n      httpGet: {port: HTTP}\n'),
    'pod.yaml:10:23: spec.containers[0].livenessProbe.httpGet.port: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
  ],
  [
    `httpGet scheme enum (validateHTTPGetAction)`,
    pod('    livenessProbe:\n      httpGet: {port: 80, scheme: FTP}\n'),
    'pod.yaml:10:35: spec.containers[0].livenessProbe.httpGet.scheme: Unsupported value: "FTP": supported values: "HTTP", "HTTPS"',
  ],
  [
    `tcpSocket port in range (validateTCPSocketAction)`,
    pod('    readinessProbe:\n      tcpSocket: {port: 65536}\n'),
    'pod.yaml:10:25: spec.containers[0].readinessProbe.tcpSocket.port: Invalid value: 65536: must be between 1 and 65535, inclusive',
  ],
  [
    `no probes on regular init containers (validateInitContainers)`,
    pod(
      '',
      '  initContainers:\n  - name: init\n    image: busybox\n    readinessProbe:\n      exec: {command: [ls]}\n',
    ),
    `pod.yaml:9:5: spec.initContainers[0].readinessProbe: ${NO_INIT}`,
  ],
  [
    `no lifecycle on regular init containers (validateInitContainers)`,
    pod(
      '',
      '  initContainers:\n  - name: init\n    image: busybox\n    lifecycle:\n      preStop: {exec: {command: [ls]}}\n',
    ),
    `pod.yaml:9:5: spec.initContainers[0].lifecycle: ${NO_INIT}`,
  ],
  [
    `init restartPolicy only Always (validateInitContainerRestartPolicy)`,
    pod('', '  initContainers:\n  - name: init\n    image: busybox\n    restartPolicy: OnFailure\n'),
    'pod.yaml:9:20: spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
  ],
  [
    `no restartPolicy on regular containers (validateContainers)`,
    pod('    restartPolicy: Always\n'),
    'pod.yaml:9:5: spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers',
  ],
  [
    `pod restartPolicy enum (validateRestartPolicy)`,
    pod('', '  restartPolicy: Sometimes\n'),
    'pod.yaml:6:18: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
  ],
  [
    `dnsPolicy enum (validateDNSPolicy)`,
    pod('', '  dnsPolicy: Cluster\n'),
    'pod.yaml:6:14: spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
  ],
  [
    `imagePullPolicy enum (validatePullPolicy)`,
    pod('    imagePullPolicy: Sometimes\n'),
    'pod.yaml:9:22: spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
  ],
  [
    `activeDeadlineSeconds positive (ValidatePodSpec)`,
    pod('', '  activeDeadlineSeconds: 0\n'),
    'pod.yaml:6:26: spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive',
  ],
  [
    `requests <= limits (ValidateContainerResourceRequirements)`,
    pod('    resources:\n      requests: {cpu: "2"}\n      limits: {cpu: "1"}\n'),
    'pod.yaml:10:23: spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
  ],
  [
    `quantities not negative (ValidateResourceQuantityValue)`,
    pod('    resources:\n      limits: {memory: -1Mi}\n'),
    'pod.yaml:10:24: spec.containers[0].resources.limits[memory]: Invalid value: "-1Mi": must be greater than or equal to 0',
  ],
  [
    `standard resource names (validateContainerResourceName)`,
    pod('    resources:\n      limits: {gpu: 1}\n'),
    'pod.yaml:10:16: spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers',
  ],
  [
    `quantities parse (resource.Quantity UnmarshalJSON)`,
    pod('    resources:\n      limits: {memory: 1gb}\n'),
    "pod.yaml:10:24: spec.containers[0].resources.limits[memory]: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
  ],
  [
    `lifecycle hook needs a handler (validateLifecycle)`,
    pod('    lifecycle:\n      postStart: {}\n'),
    'pod.yaml:10:18: spec.containers[0].lifecycle.postStart: Required value: must specify a handler type',
  ],
  [
    `lifecycle hook has one handler (validateHandler)`,
    pod('    lifecycle:\n      preStop:\n        exec: {command: [ls]}\n        sleep: {seconds: 5}\n'),
    'pod.yaml:12:9: spec.containers[0].lifecycle.preStop.sleep: Forbidden: may not specify more than 1 handler type',
  ],
  [
    `sleep hook within the grace period (validateSleepAction)`,
    pod('    lifecycle:\n      preStop: {sleep: {seconds: 60}}\n'),
    'pod.yaml:10:34: spec.containers[0].lifecycle.preStop.sleep.seconds: Invalid value: 60: must be non-negative and less than terminationGracePeriodSeconds (30)',
  ],
  [
    `readinessGates conditionType required (validateReadinessGates, IsQualifiedName)`,
    pod('', '  readinessGates:\n  - {}\n'),
    'pod.yaml:7:5: spec.readinessGates[0].conditionType: Invalid value: "": name part must be non-empty',
  ],
  [
    `volumeMounts name a volume (ValidateVolumeMounts)`,
    pod('    volumeMounts:\n    - {name: data, mountPath: /data}\n'),
    'pod.yaml:10:14: spec.containers[0].volumeMounts[0].name: Not found: "data"',
  ],
  [
    `volume names unique (ValidateVolumes)`,
    pod('', '  volumes:\n  - name: v\n  - name: v\n'),
    'pod.yaml:8:11: spec.volumes[1].name: Duplicate value: "v"',
  ],
  [
    `ephemeral containers not on create (ValidatePodCreate)`,
    pod('', '  ephemeralContainers:\n  - {name: e, image: busybox}\n'),
    'pod.yaml:6:3: spec.ephemeralContainers: Forbidden: cannot be set on create',
  ],
  [
    `tolerationSeconds needs NoExecute (ValidateTolerations)`,
    pod('', '  tolerations:\n  - {key: k, operator: Exists, effect: NoSchedule, tolerationSeconds: 5}\n'),
    'pod.yaml:7:40: spec.tolerations[0].effect: Invalid value: "NoSchedule": effect must be \'NoExecute\' when `tolerationSeconds` is set',
  ],
  [
    `labels are qualified names (ValidateLabels)`,
    pod('', '', '  name: p\n  labels:\n    "bad key": x\n'),
    "pod.yaml:6:5: metadata.labels: Invalid value: \"bad key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
  ],
  [
    `decoding: wrong type (encoding/json via the API server's decoder)`,
    pod('    ports:\n    - containerPort: "80"\n'),
    'pod.yaml:10:22: spec.containers[0].ports[0].containerPort: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
  ],
  [
    `decoding: numeric env value (a classic)`,
    pod('    env:\n    - {name: PORT, value: 8080}\n'),
    'pod.yaml:10:27: spec.containers[0].env[0].value: json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string',
  ],
  [
    `Priority admission: unknown class (plugin/pkg/admission/priority)`,
    pod('', '  priorityClassName: high\n'),
    'pod.yaml:6:22: spec.priorityClassName: pods "p" is forbidden: no PriorityClass with name high was found',
  ],
];

describe('validation errors, worded and placed as the API server words them', () => {
  it.each(errorCases)('%s', (_rule, manifest, expected) => {
    const result = admitManifests(manifest);
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    expect(errors).toContain(expected);
    expect(result.ok).toBe(false);
    expect(result.pods).toHaveLength(0);
  });
});
