// Flex Consumption (FC1, Linux) function app that runs Notifications.Functions on the Azure Functions isolated worker
// (the dotnet-isolated 10.0 stack; no custom handler), its data-plane roles, and its app settings.
// Why: docs/adr/0008-isolated-worker.md (it supersedes 0001).

param planName string
param functionAppName string

@description('Azure region.')
param location string

param storageAccountName string
param deploymentContainerName string
param keyVaultName string

@description('Versionless Key Vault URI of the SMTP client secret.')
param smtpSecretUri string

@description('Versionless URI of the Key Vault secret holding the link signing key.')
param linksSecretUri string

param appInsightsConnectionString string

@description('Maximum instances per function group (Flex: 40-1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Flex instance memory in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int

@description('Concurrent HTTP requests per instance.')
@minValue(1)
@maxValue(1000)
param httpPerInstanceConcurrency int

@description('Values of the application settings, keyed by setting name (see main.bicep).')
param settings {
  storageNamePrefix: string
  mailUserName: string
  mailFrom: string
  mailSimulate: bool
  privacyOfficeEmail: string
  privacyOfficeName: string
  privacyOfficeTitle: string
  privacyOfficePhone: string
  commissionerEmail: string
  commissionerName: string
  policyPack: string
  authAuthority: string
  authAudience: string
  authIssuer: string
  fanOutPerMinute: int
  fanOutPerHour: int
  fanOutMaxConcurrency: int
  fanOutCanarySize: int
  fanOutCanaryDeliveryWait: string
}

param tags object = {}

// Built-in role definition ids (stable across tenants).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
}

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux: Flex has no Windows workers.
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          // Flex pulls the zip that `az functionapp deployment source config-zip` uploads here, as the app itself.
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        triggers: {
          http: {
            perInstanceConcurrency: httpPerInstanceConcurrency
          }
        }
      }
      // The isolated worker on .NET 10: the host starts `dotnet Notifications.Functions.dll` as the package's
      // worker.config.json says and reads the functions from its functions.metadata (docs/deploy.md, smoke test).
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Least-privilege data roles for the app's system-assigned identity, all scoped to this one account or vault.
// Storage Blob Data Owner: the Functions host keeps its own state in blobs (host id lock, timer-trigger singleton
//   locks and schedule monitor, queue-listener leases, keys) and Flex reads the deployment package from the
//   deployment container with this identity; Microsoft documents Owner (not Contributor) for AzureWebJobsStorage
//   because the host manages blob leases and container ACL-level operations. Durable's Azure Storage provider
//   keeps its task hub's partition leases and large messages in blobs too (hubName in host.json).
resource blobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, site.id, roles.storageBlobDataOwner)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Queue Data Contributor: queue triggers read, delete and move messages to <queue>-poison (and create that
//   queue); Durable's Azure Storage provider runs on its task hub's control and work-item queues.
resource queueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, site.id, roles.storageQueueDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Table Data Contributor: the app's incident state, history, inbox, fan-out and recipient tables (it creates
//   them on first use); Durable's task hub History and Instances tables; the host's diagnostic events.
resource tableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, site.id, roles.storageTableDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Key Vault Secrets User: read secret values (the Key Vault reference for Mail__Password); no list, no write.
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, site.id, roles.keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// App settings in their own resource, applied after the role assignments, so the restart they cause finds the
// identity already allowed to reach storage and Key Vault. Keys mirror local.settings.sample.json `Values`
// (checked key for key by AppSettingsParityTests; renamed and local-only keys are listed there).
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  dependsOn: [
    blobOwner
    queueContributor
    tableContributor
    secretsUser
  ]
  properties: {
    // Identity-based host storage, replacing the local connection string `AzureWebJobsStorage`. The app reads the
    // same settings (StorageOptions.AccountName). No FUNCTIONS_WORKER_RUNTIME: Flex takes it from
    // functionAppConfig.runtime and rejects the setting (contract §7).
    AzureWebJobsStorage__accountName: storage.name
    AzureWebJobsStorage__credential: 'managedidentity'
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
    Storage__NamePrefix: settings.storageNamePrefix
    // ACS SMTP relay (contract §4.1).
    Mail__Host: 'smtp.azurecomm.net'
    Mail__Port: '587'
    Mail__Security: 'StartTls'
    Mail__UserName: settings.mailUserName
    Mail__Password: '@Microsoft.KeyVault(SecretUri=${smtpSecretUri})'
    Mail__From: settings.mailFrom
    Mail__FromName: settings.privacyOfficeName
    Mail__Simulate: settings.mailSimulate ? 'true' : 'false'
    PrivacyOffice__Email: settings.privacyOfficeEmail
    PrivacyOffice__Name: settings.privacyOfficeName
    PrivacyOffice__Title: settings.privacyOfficeTitle
    PrivacyOffice__Phone: settings.privacyOfficePhone
    // Links in reminders point at the app itself.
    PrivacyOffice__BaseUrl: 'https://${site.properties.defaultHostName}'
    Commissioner__Email: settings.commissionerEmail
    Commissioner__Name: settings.commissionerName
    Policy__Pack: settings.policyPack
    // Notices fan-out: the email provider's quota, SMTP connections and the canary (FanOutOptions).
    FanOut__PerMinute: string(settings.fanOutPerMinute)
    FanOut__PerHour: string(settings.fanOutPerHour)
    FanOut__MaxConcurrency: string(settings.fanOutMaxConcurrency)
    FanOut__CanarySize: string(settings.fanOutCanarySize)
    FanOut__CanaryDeliveryWait: settings.fanOutCanaryDeliveryWait
    // A run's batch activities in flight at once, and how long a person's `sending` mark stands after a crash.
    FanOut__MaxBatchesInFlight: '4'
    FanOut__SendingLease: '00:00:30'
    // How long a command waits for the incident's orchestration to decide it before answering 202.
    Workflow__CommandWait: '00:00:05'
    // Signs the anonymous containment-confirmation links; a Key Vault secret like the SMTP one.
    Links__SigningKey: '@Microsoft.KeyVault(SecretUri=${linksSecretUri})'
    // Entra ID bearer tokens. The local HMAC key stays empty in Azure so no locally minted token is ever accepted.
    Auth__Authority: settings.authAuthority
    Auth__Audience: settings.authAudience
    Auth__Issuer: settings.authIssuer
    Auth__SigningKey: ''
    // The dashboard: the office's time zone, and its Entra SPA registration (client id and API scope; set once registered,
    // README "Dashboard"). The redirect URI defaults to PrivacyOffice__BaseUrl + '/'.
    Dashboard__TimeZone: 'America/Vancouver'
    Dashboard__ClientId: ''
    Dashboard__Scope: ''
    Dashboard__RedirectUri: ''
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
output principalId string = site.identity.principalId
