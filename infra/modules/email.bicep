// Azure Communication Services email: an Email Communication Service with one domain, linked to a Communication
// Services resource whose SMTP relay (smtp.azurecomm.net:587, STARTTLS) the app uses through MailKit
// (functions-contract.md §4.1). SMTP authenticates as an Entra app; its service principal gets a least-privilege
// custom role on the Communication Services resource.

param communicationServiceName string
param emailServiceName string

@description('Where ACS stores data at rest, e.g. "Canada", "United States", "Europe".')
param dataLocation string

@description('Custom sender domain such as notify.example.gov.bc.ca, or empty for an Azure-managed *.azurecomm.net domain (test only: 5/min, 10/h, not raisable; contract §4.2).')
param customDomainName string

@description('Custom domains only: true once the DNS records are verified. Linking an unverified domain fails, so the first deployment creates the domain and a later one links it (docs/deploy.md).')
param customDomainVerified bool

@description('Local part of the sender address on the domain.')
param senderUserName string

@description('Display name of the sender.')
param senderDisplayName string

@description('Object id of the service principal of the Entra app that authenticates to the SMTP relay.')
param smtpServicePrincipalObjectId string

param tags object = {}

var useCustomDomain = !empty(customDomainName)

resource emailService 'Microsoft.Communication/emailServices@2023-04-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

resource domain 'Microsoft.Communication/emailServices/domains@2023-04-01' = {
  parent: emailService
  // An Azure-managed domain must be called AzureManagedDomain.
  name: useCustomDomain ? customDomainName : 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: useCustomDomain ? 'CustomerManaged' : 'AzureManaged'
    // Tracking rewrites links and adds pixels; a breach notice must not do either.
    userEngagementTracking: 'Disabled'
  }
}

// Azure-managed domains come with DoNotReply; a custom domain needs its sender declared.
resource sender 'Microsoft.Communication/emailServices/domains/senderUsernames@2023-04-01' = if (useCustomDomain) {
  parent: domain
  name: toLower(senderUserName)
  properties: {
    username: senderUserName
    displayName: senderDisplayName
  }
}

resource communicationService 'Microsoft.Communication/communicationServices@2023-04-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: (!useCustomDomain || customDomainVerified) ? [domain.id] : []
  }
}

// Contract §4.1: the SMTP identity needs exactly CommunicationServices/Read and EmailServices/write on the ACS
// resource. A custom role grants just that instead of Contributor.
resource smtpSenderRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'acs-smtp-sender')
  properties: {
    roleName: 'ACS SMTP sender (${resourceGroup().name})'
    description: 'Send email through the Azure Communication Services SMTP relay.'
    type: 'CustomRole'
    assignableScopes: [
      resourceGroup().id
    ]
    permissions: [
      {
        actions: [
          'Microsoft.Communication/CommunicationServices/Read'
          'Microsoft.Communication/EmailServices/write'
        ]
        notActions: []
      }
    ]
  }
}

resource smtpSenderAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: communicationService
  name: guid(communicationService.id, smtpServicePrincipalObjectId, smtpSenderRole.id)
  properties: {
    roleDefinitionId: smtpSenderRole.id
    principalId: smtpServicePrincipalObjectId
    principalType: 'ServicePrincipal'
  }
}

output communicationServiceName string = communicationService.name
output senderAddress string = '${useCustomDomain ? senderUserName : 'DoNotReply'}@${domain.properties.fromSenderDomain}'
output domainVerificationRecords object = domain.properties.verificationRecords
