/**
 * Every field of a core/v1 Pod (status aside) with its JSON shape, so a manifest can be decoded
 * the way the API server's strict decoder does: wrong types are errors, unknown fields warnings.
 * Generated from kubernetes-types 1.30 (node_modules/kubernetes-types/core/v1.d.ts) by walking the
 * declarations reachable from PodSpec and ObjectMeta; NEWER_FIELDS adds what 1.31-1.34 introduced.
 *
 * Encoding, one string per type: `field` is a string, `field:n` int32, `field:N` int64, `field:b`
 * bool, `field:x` int-or-string, `field:q` resource.Quantity, `field:{s}` map of strings,
 * `field:{q}` ResourceList, `field:*` anything, `field:Type` a nested struct; `[]` makes a list.
 */
export const GENERATED_TYPES: Record<string, string> = {
  AWSElasticBlockStoreVolumeSource: 'fsType partition:n readOnly:b volumeID',
  Affinity: 'nodeAffinity:NodeAffinity podAffinity:PodAffinity podAntiAffinity:PodAntiAffinity',
  AppArmorProfile: 'localhostProfile type',
  AzureDiskVolumeSource: 'cachingMode diskName diskURI fsType kind readOnly:b',
  AzureFileVolumeSource: 'readOnly:b secretName shareName',
  CSIVolumeSource: 'driver fsType nodePublishSecretRef:LocalObjectReference readOnly:b volumeAttributes:{s}',
  Capabilities: 'add:[] drop:[]',
  CephFSVolumeSource: 'monitors:[] path readOnly:b secretFile secretRef:LocalObjectReference user',
  CinderVolumeSource: 'fsType readOnly:b secretRef:LocalObjectReference volumeID',
  ClaimSource: 'resourceClaimName resourceClaimTemplateName',
  ClusterTrustBundleProjection: 'labelSelector:LabelSelector name optional:b path signerName',
  ConfigMapEnvSource: 'name optional:b',
  ConfigMapKeySelector: 'key name optional:b',
  ConfigMapProjection: 'items:KeyToPath[] name optional:b',
  ConfigMapVolumeSource: 'defaultMode:n items:KeyToPath[] name optional:b',
  Container:
    'args:[] command:[] env:EnvVar[] envFrom:EnvFromSource[] image imagePullPolicy lifecycle:Lifecycle livenessProbe:Probe name ports:ContainerPort[] readinessProbe:Probe resizePolicy:ContainerResizePolicy[] resources:ResourceRequirements restartPolicy securityContext:SecurityContext startupProbe:Probe stdin:b stdinOnce:b terminationMessagePath terminationMessagePolicy tty:b volumeDevices:VolumeDevice[] volumeMounts:VolumeMount[] workingDir',
  ContainerPort: 'containerPort:n hostIP hostPort:n name protocol',
  ContainerResizePolicy: 'resourceName restartPolicy',
  DownwardAPIProjection: 'items:DownwardAPIVolumeFile[]',
  DownwardAPIVolumeFile: 'fieldRef:ObjectFieldSelector mode:n path resourceFieldRef:ResourceFieldSelector',
  DownwardAPIVolumeSource: 'defaultMode:n items:DownwardAPIVolumeFile[]',
  EmptyDirVolumeSource: 'medium sizeLimit:q',
  EnvFromSource: 'configMapRef:ConfigMapEnvSource prefix secretRef:SecretEnvSource',
  EnvVar: 'name value valueFrom:EnvVarSource',
  EnvVarSource:
    'configMapKeyRef:ConfigMapKeySelector fieldRef:ObjectFieldSelector resourceFieldRef:ResourceFieldSelector secretKeyRef:SecretKeySelector',
  EphemeralContainer:
    'args:[] command:[] env:EnvVar[] envFrom:EnvFromSource[] image imagePullPolicy lifecycle:Lifecycle livenessProbe:Probe name ports:ContainerPort[] readinessProbe:Probe resizePolicy:ContainerResizePolicy[] resources:ResourceRequirements restartPolicy securityContext:SecurityContext startupProbe:Probe stdin:b stdinOnce:b targetContainerName terminationMessagePath terminationMessagePolicy tty:b volumeDevices:VolumeDevice[] volumeMounts:VolumeMount[] workingDir',
  EphemeralVolumeSource: 'volumeClaimTemplate:PersistentVolumeClaimTemplate',
  ExecAction: 'command:[]',
  FCVolumeSource: 'fsType lun:n readOnly:b targetWWNs:[] wwids:[]',
  FlexVolumeSource: 'driver fsType options:{s} readOnly:b secretRef:LocalObjectReference',
  FlockerVolumeSource: 'datasetName datasetUUID',
  GCEPersistentDiskVolumeSource: 'fsType partition:n pdName readOnly:b',
  GRPCAction: 'port:n service',
  GitRepoVolumeSource: 'directory repository revision',
  GlusterfsVolumeSource: 'endpoints path readOnly:b',
  HTTPGetAction: 'host httpHeaders:HTTPHeader[] path port:x scheme',
  HTTPHeader: 'name value',
  HostAlias: 'hostnames:[] ip',
  HostPathVolumeSource: 'path type',
  ISCSIVolumeSource:
    'chapAuthDiscovery:b chapAuthSession:b fsType initiatorName iqn iscsiInterface lun:n portals:[] readOnly:b secretRef:LocalObjectReference targetPortal',
  KeyToPath: 'key mode:n path',
  LabelSelector: 'matchExpressions:LabelSelectorRequirement[] matchLabels:{s}',
  LabelSelectorRequirement: 'key operator values:[]',
  Lifecycle: 'postStart:LifecycleHandler preStop:LifecycleHandler',
  LifecycleHandler: 'exec:ExecAction httpGet:HTTPGetAction sleep:SleepAction tcpSocket:TCPSocketAction',
  LocalObjectReference: 'name',
  ManagedFieldsEntry: 'apiVersion fieldsType fieldsV1:* manager operation subresource time',
  NFSVolumeSource: 'path readOnly:b server',
  NodeAffinity:
    'preferredDuringSchedulingIgnoredDuringExecution:PreferredSchedulingTerm[] requiredDuringSchedulingIgnoredDuringExecution:NodeSelector',
  NodeSelector: 'nodeSelectorTerms:NodeSelectorTerm[]',
  NodeSelectorRequirement: 'key operator values:[]',
  NodeSelectorTerm: 'matchExpressions:NodeSelectorRequirement[] matchFields:NodeSelectorRequirement[]',
  ObjectFieldSelector: 'apiVersion fieldPath',
  ObjectMeta:
    'annotations:{s} creationTimestamp deletionGracePeriodSeconds:N deletionTimestamp finalizers:[] generateName generation:N labels:{s} managedFields:ManagedFieldsEntry[] name namespace ownerReferences:OwnerReference[] resourceVersion selfLink uid',
  OwnerReference: 'apiVersion blockOwnerDeletion:b controller:b kind name uid',
  PersistentVolumeClaimSpec:
    'accessModes:[] dataSource:TypedLocalObjectReference dataSourceRef:TypedObjectReference resources:VolumeResourceRequirements selector:LabelSelector storageClassName volumeAttributesClassName volumeMode volumeName',
  PersistentVolumeClaimTemplate: 'metadata:ObjectMeta spec:PersistentVolumeClaimSpec',
  PersistentVolumeClaimVolumeSource: 'claimName readOnly:b',
  PhotonPersistentDiskVolumeSource: 'fsType pdID',
  PodAffinity:
    'preferredDuringSchedulingIgnoredDuringExecution:WeightedPodAffinityTerm[] requiredDuringSchedulingIgnoredDuringExecution:PodAffinityTerm[]',
  PodAffinityTerm:
    'labelSelector:LabelSelector matchLabelKeys:[] mismatchLabelKeys:[] namespaceSelector:LabelSelector namespaces:[] topologyKey',
  PodAntiAffinity:
    'preferredDuringSchedulingIgnoredDuringExecution:WeightedPodAffinityTerm[] requiredDuringSchedulingIgnoredDuringExecution:PodAffinityTerm[]',
  PodDNSConfig: 'nameservers:[] options:PodDNSConfigOption[] searches:[]',
  PodDNSConfigOption: 'name value',
  PodOS: 'name',
  PodReadinessGate: 'conditionType',
  PodResourceClaim: 'name source:ClaimSource',
  PodSchedulingGate: 'name',
  PodSecurityContext:
    'appArmorProfile:AppArmorProfile fsGroup:N fsGroupChangePolicy runAsGroup:N runAsNonRoot:b runAsUser:N seLinuxOptions:SELinuxOptions seccompProfile:SeccompProfile supplementalGroups:N[] sysctls:Sysctl[] windowsOptions:WindowsSecurityContextOptions',
  PodSpec:
    'activeDeadlineSeconds:N affinity:Affinity automountServiceAccountToken:b containers:Container[] dnsConfig:PodDNSConfig dnsPolicy enableServiceLinks:b ephemeralContainers:EphemeralContainer[] hostAliases:HostAlias[] hostIPC:b hostNetwork:b hostPID:b hostUsers:b hostname imagePullSecrets:LocalObjectReference[] initContainers:Container[] nodeName nodeSelector:{s} os:PodOS overhead:{q} preemptionPolicy priority:n priorityClassName readinessGates:PodReadinessGate[] resourceClaims:PodResourceClaim[] restartPolicy runtimeClassName schedulerName schedulingGates:PodSchedulingGate[] securityContext:PodSecurityContext serviceAccount serviceAccountName setHostnameAsFQDN:b shareProcessNamespace:b subdomain terminationGracePeriodSeconds:N tolerations:Toleration[] topologySpreadConstraints:TopologySpreadConstraint[] volumes:Volume[]',
  PortworxVolumeSource: 'fsType readOnly:b volumeID',
  PreferredSchedulingTerm: 'preference:NodeSelectorTerm weight:n',
  Probe:
    'exec:ExecAction failureThreshold:n grpc:GRPCAction httpGet:HTTPGetAction initialDelaySeconds:n periodSeconds:n successThreshold:n tcpSocket:TCPSocketAction terminationGracePeriodSeconds:N timeoutSeconds:n',
  ProjectedVolumeSource: 'defaultMode:n sources:VolumeProjection[]',
  QuobyteVolumeSource: 'group readOnly:b registry tenant user volume',
  RBDVolumeSource: 'fsType image keyring monitors:[] pool readOnly:b secretRef:LocalObjectReference user',
  ResourceClaim: 'name',
  ResourceFieldSelector: 'containerName divisor:q resource',
  ResourceRequirements: 'claims:ResourceClaim[] limits:{q} requests:{q}',
  SELinuxOptions: 'level role type user',
  ScaleIOVolumeSource:
    'fsType gateway protectionDomain readOnly:b secretRef:LocalObjectReference sslEnabled:b storageMode storagePool system volumeName',
  SeccompProfile: 'localhostProfile type',
  SecretEnvSource: 'name optional:b',
  SecretKeySelector: 'key name optional:b',
  SecretProjection: 'items:KeyToPath[] name optional:b',
  SecretVolumeSource: 'defaultMode:n items:KeyToPath[] optional:b secretName',
  SecurityContext:
    'allowPrivilegeEscalation:b appArmorProfile:AppArmorProfile capabilities:Capabilities privileged:b procMount readOnlyRootFilesystem:b runAsGroup:N runAsNonRoot:b runAsUser:N seLinuxOptions:SELinuxOptions seccompProfile:SeccompProfile windowsOptions:WindowsSecurityContextOptions',
  ServiceAccountTokenProjection: 'audience expirationSeconds:N path',
  SleepAction: 'seconds:N',
  StorageOSVolumeSource: 'fsType readOnly:b secretRef:LocalObjectReference volumeName volumeNamespace',
  Sysctl: 'name value',
  TCPSocketAction: 'host port:x',
  Toleration: 'effect key operator tolerationSeconds:N value',
  TopologySpreadConstraint:
    'labelSelector:LabelSelector matchLabelKeys:[] maxSkew:n minDomains:n nodeAffinityPolicy nodeTaintsPolicy topologyKey whenUnsatisfiable',
  TypedLocalObjectReference: 'apiGroup kind name',
  TypedObjectReference: 'apiGroup kind name namespace',
  Volume:
    'awsElasticBlockStore:AWSElasticBlockStoreVolumeSource azureDisk:AzureDiskVolumeSource azureFile:AzureFileVolumeSource cephfs:CephFSVolumeSource cinder:CinderVolumeSource configMap:ConfigMapVolumeSource csi:CSIVolumeSource downwardAPI:DownwardAPIVolumeSource emptyDir:EmptyDirVolumeSource ephemeral:EphemeralVolumeSource fc:FCVolumeSource flexVolume:FlexVolumeSource flocker:FlockerVolumeSource gcePersistentDisk:GCEPersistentDiskVolumeSource gitRepo:GitRepoVolumeSource glusterfs:GlusterfsVolumeSource hostPath:HostPathVolumeSource iscsi:ISCSIVolumeSource name nfs:NFSVolumeSource persistentVolumeClaim:PersistentVolumeClaimVolumeSource photonPersistentDisk:PhotonPersistentDiskVolumeSource portworxVolume:PortworxVolumeSource projected:ProjectedVolumeSource quobyte:QuobyteVolumeSource rbd:RBDVolumeSource scaleIO:ScaleIOVolumeSource secret:SecretVolumeSource storageos:StorageOSVolumeSource vsphereVolume:VsphereVirtualDiskVolumeSource',
  VolumeDevice: 'devicePath name',
  VolumeMount: 'mountPath mountPropagation name readOnly:b recursiveReadOnly subPath subPathExpr',
  VolumeProjection:
    'clusterTrustBundle:ClusterTrustBundleProjection configMap:ConfigMapProjection downwardAPI:DownwardAPIProjection secret:SecretProjection serviceAccountToken:ServiceAccountTokenProjection',
  VolumeResourceRequirements: 'limits:{q} requests:{q}',
  VsphereVirtualDiskVolumeSource: 'fsType storagePolicyID storagePolicyName volumePath',
  WeightedPodAffinityTerm: 'podAffinityTerm:PodAffinityTerm weight:n',
  WindowsSecurityContextOptions: 'gmsaCredentialSpec gmsaCredentialSpecName hostProcess:b runAsUserName',
};

// Fields added after kubernetes-types 1.30 (k8s.io/api core/v1 types.go, 1.31-1.34).
export const NEWER_FIELDS: Record<string, string> = {
  Container: 'restartPolicyRules:ContainerRestartRule[]',
  EphemeralContainer: 'restartPolicyRules:ContainerRestartRule[]',
  ContainerRestartRule: 'action exitCodes:ContainerRestartRuleOnExitCodes',
  ContainerRestartRuleOnExitCodes: 'operator values:n[]',
  Lifecycle: 'stopSignal',
  EnvVarSource: 'fileKeyRef:FileKeySelector',
  FileKeySelector: 'volumeName path key optional:b',
  PodSpec: 'resources:ResourceRequirements hostnameOverride',
  PodSecurityContext: 'supplementalGroupsPolicy seLinuxChangePolicy',
  PodResourceClaim: 'resourceClaimName resourceClaimTemplateName',
  ResourceClaim: 'request',
  Volume: 'image:ImageVolumeSource',
  ImageVolumeSource: 'reference pullPolicy',
  VolumeProjection: 'podCertificate:PodCertificateProjection',
  PodCertificateProjection:
    'signerName keyType maxExpirationSeconds:n credentialBundlePath keyPath certificateChainPath userAnnotations:{s}',
};
