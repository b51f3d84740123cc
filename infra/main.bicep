// Breach-notification pipeline on Azure: Flex Consumption function app (isolated worker), identity-only storage,
// Communication Services email over the SMTP relay, Key Vault for the SMTP credential, Application Insights.
// Email delivery reports reach the app through Event Grid into a Storage queue.
// Deploy into an empty resource group: docs/deploy.md. Decisions: docs/adr/0001, docs/adr/0002, docs/adr/0005.
targetScope = 'resourceGroup'

@description('Short lowercase name used to derive resource names, e.g. "breachntf".')
@minLength(3)
@maxLength(12)
param baseName string

@description('Azure region for regional resources. Flex Consumption must be available there.')
param location string = resourceGroup().location

@description('Where Communication Services stores data at rest.')
@allowed(['Canada', 'United States', 'Europe', 'UK', 'Australia', 'Asia Pacific', 'Japan', 'Korea', 'India', 'France', 'Germany', 'Switzerland', 'Norway', 'UAE', 'Brazil', 'Africa'])
param emailDataLocation string = 'Canada'

@description('Custom sender domain (e.g. notify.example.gov.bc.ca). Empty = Azure-managed domain, for tests only (5/min, 10/h).')
param emailCustomDomainName string = ''

@description('Custom domain only: set to true after its DNS records are verified, to link it to Communication Services.')
param emailCustomDomainVerified bool = false

@description('Local part of the sender address on a custom domain.')
param emailSenderUserName string = 'donotreply'

@description('Application (client) id of the Entra app that authenticates to the ACS SMTP relay.')
param smtpClientId string

@description('Object id of that Entra app\'s service principal (gets the SMTP sender role on Communication Services).')
param smtpServicePrincipalObjectId string

@secure()
@description('A client secret of that Entra app. Stored only in Key Vault.')
param smtpClientSecret string

@description('Send nothing; record what would be sent (GC Notify-style simulated mode).')
param mailSimulate bool = false

@description('Reply-to and contact address of the privacy office, printed in notices.')
param privacyOfficeEmail string

@description('Name of the privacy office, used as the sender display name and in notices.')
param privacyOfficeName string

@description('Address that receives the Commissioner report.')
param commissionerEmail string

@description('Policy pack the engine applies to new incidents.')
param policyPack string = 'bc-foippa'

@description('Title of the privacy office contact named in the Commissioner report.')
param privacyOfficeTitle string = 'Privacy Officer'

@description('Phone number of the privacy office contact.')
param privacyOfficePhone string = ''

@description('Name of the Commissioner office, used as the report email display name.')
param commissionerName string = 'Office of the Information and Privacy Commissioner'

@secure()
@description('HMAC key (32+ characters) for containment-confirmation links. Stored only in Key Vault.')
param linksSigningKey string

@description('Token authority, e.g. https://login.microsoftonline.com/<tenant>/v2.0.')
param authAuthority string = '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'

@description('Expected token audience: the application id URI of the API app registration.')
param authAudience string

@description('Expected issuer when it differs from the authority\'s metadata; empty = taken from the authority.')
param authIssuer string = ''

@description('Prefix for the app\'s table and queue names, to share one account between environments.')
param storageNamePrefix string = ''

@description('Flex: maximum instances (40-1000). Email throughput is bounded by the ACS quota, not by instances.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Flex instance memory in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Flex: concurrent HTTP requests per instance.')
@minValue(1)
@maxValue(1000)
param httpPerInstanceConcurrency int = 16

@description('Notices fan-out: emails per minute allowed by the email provider (ACS default quota).')
@minValue(1)
param fanOutPerMinute int = 30

@description('Notices fan-out: emails per hour allowed by the email provider (ACS default quota).')
@minValue(1)
param fanOutPerHour int = 100

@description('Notices fan-out: SMTP connections and sends in flight per batch.')
@minValue(1)
param fanOutMaxConcurrency int = 4

@description('Notices fan-out: people in the canary sent before the rest is released.')
@minValue(1)
param fanOutCanarySize int = 100

@description('How long the rest of a run waits for the canary\'s delivery reports (Event Grid) before it goes out on the reports received (TimeSpan).')
param fanOutCanaryDeliveryWait string = '00:10:00'

param tags object = {
  workload: 'breach-notifications'
}

var suffix = uniqueString(resourceGroup().id, baseName)
var names = {
  storage: take('st${replace(baseName, '-', '')}${suffix}', 24)
  deploymentContainer: 'app-package'
  plan: 'plan-${baseName}-${suffix}'
  functionApp: 'func-${baseName}-${suffix}'
  keyVault: take('kv-${baseName}-${suffix}', 24)
  workspace: 'log-${baseName}-${suffix}'
  appInsights: 'appi-${baseName}-${suffix}'
  communicationService: 'acs-${baseName}-${suffix}'
  emailService: 'ecs-${baseName}-${suffix}'
  deliveryReportsTopic: 'evgt-${baseName}-${suffix}'
  smtpSecret: 'smtp-client-secret'
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    deploymentContainerName: names.deploymentContainer
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    location: location
    tags: tags
  }
}

module email 'modules/email.bicep' = {
  name: 'email'
  params: {
    communicationServiceName: names.communicationService
    emailServiceName: names.emailService
    dataLocation: emailDataLocation
    customDomainName: emailCustomDomainName
    customDomainVerified: emailCustomDomainVerified
    senderUserName: emailSenderUserName
    senderDisplayName: privacyOfficeName
    smtpServicePrincipalObjectId: smtpServicePrincipalObjectId
    tags: tags
  }
}

module deliveryReports 'modules/deliveryreports.bicep' = {
  name: 'deliveryreports'
  params: {
    topicName: names.deliveryReportsTopic
    communicationServiceName: email.outputs.communicationServiceName
    storageAccountName: storage.outputs.name
    // The queue of the ReceiveDeliveryReport function as its [QueueTrigger] (functions.metadata) names it: the host's
    // trigger does not apply Storage__NamePrefix.
    queueName: 'delivery-reports'
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: names.keyVault
    location: location
    smtpClientSecret: smtpClientSecret
    smtpSecretName: names.smtpSecret
    linksSigningKey: linksSigningKey
    linksSecretName: 'links-signing-key'
    tags: tags
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    planName: names.plan
    functionAppName: names.functionApp
    location: location
    storageAccountName: storage.outputs.name
    deploymentContainerName: names.deploymentContainer
    keyVaultName: keyVault.outputs.name
    smtpSecretUri: keyVault.outputs.smtpSecretUri
    linksSecretUri: keyVault.outputs.linksSecretUri
    appInsightsConnectionString: monitoring.outputs.connectionString
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    httpPerInstanceConcurrency: httpPerInstanceConcurrency
    settings: {
      storageNamePrefix: storageNamePrefix
      // ACS SMTP user name: <ACS resource name>|<Entra app client id>|<tenant id> (contract §4.1).
      mailUserName: '${email.outputs.communicationServiceName}|${smtpClientId}|${tenant().tenantId}'
      mailFrom: email.outputs.senderAddress
      mailSimulate: mailSimulate
      privacyOfficeEmail: privacyOfficeEmail
      privacyOfficeName: privacyOfficeName
      privacyOfficeTitle: privacyOfficeTitle
      privacyOfficePhone: privacyOfficePhone
      commissionerEmail: commissionerEmail
      commissionerName: commissionerName
      policyPack: policyPack
      authAuthority: authAuthority
      authAudience: authAudience
      authIssuer: authIssuer
      fanOutPerMinute: fanOutPerMinute
      fanOutPerHour: fanOutPerHour
      fanOutMaxConcurrency: fanOutMaxConcurrency
      fanOutCanarySize: fanOutCanarySize
      fanOutCanaryDeliveryWait: fanOutCanaryDeliveryWait
    }
    tags: tags
  }
}

output functionAppName string = functionApp.outputs.name
output defaultHostName string = functionApp.outputs.defaultHostName
output storageAccountName string = storage.outputs.name
output communicationServiceName string = email.outputs.communicationServiceName
output mailFrom string = email.outputs.senderAddress
output deliveryReportsQueue string = deliveryReports.outputs.queueName
@description('DNS records to create for a custom domain before setting emailCustomDomainVerified=true.')
output emailDomainVerificationRecords object = email.outputs.domainVerificationRecords
