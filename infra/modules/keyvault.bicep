// Key Vault in RBAC mode holding the SMTP credential (the Entra app client secret). The function app reads it
// through a Key Vault reference app setting; its identity gets Key Vault Secrets User in functionapp.bicep.

param name string

@description('Azure region.')
param location string

@secure()
@description('Client secret of the Entra app that authenticates to the ACS SMTP relay.')
param smtpClientSecret string

@description('Name of the secret that holds the SMTP client secret.')
param smtpSecretName string

@secure()
@description('HMAC key (32+ characters) that signs the anonymous containment-confirmation links.')
param linksSigningKey string

@description('Name of the secret that holds the link signing key.')
param linksSecretName string

param tags object = {}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Azure RBAC instead of access policies: one permission model across storage, ACS and Key Vault.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource smtpSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: smtpSecretName
  properties: {
    value: smtpClientSecret
    contentType: 'Entra client secret for the ACS SMTP relay'
  }
}

output name string = vault.name
resource linksSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: linksSecretName
  properties: {
    value: linksSigningKey
    contentType: 'HMAC key for containment-confirmation links'
  }
}

// The versionless URI, so a rotated secret is picked up without redeploying (within about a day, or on restart).
output smtpSecretUri string = smtpSecret.properties.secretUri
output linksSecretUri string = linksSecret.properties.secretUri
