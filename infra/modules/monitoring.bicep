// Log Analytics workspace and workspace-based Application Insights. The connection string is not a secret
// (it only allows ingestion), so it is passed as a plain app setting.

param workspaceName string
param appInsightsName string

@description('Azure region.')
param location string

@description('Days to keep logs. Logs carry ids only, never names or addresses (STYLE.md).')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

param tags object = {}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

output connectionString string = appInsights.properties.ConnectionString
