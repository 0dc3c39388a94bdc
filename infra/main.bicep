// Relief on Azure: the function app (.NET isolated) on the Flex Consumption plan, its storage account reached by
// managed identity (no keys), Application Insights, and the beneficiary HMAC key from Key Vault.
// Deploy: az deployment group create -g <group> -f infra/main.bicep -p baseName=<name>   (then publish the build output,
// see README). Compiled in CI by the bicep CLI package (warnings are errors).

@description('Short lower-case name the resources are named after (3-11 letters and digits).')
@minLength(3)
@maxLength(11)
param baseName string

@description('Region of every resource.')
param location string = resourceGroup().location

@description('Object id of the person or group that sets the beneficiary key secret in Key Vault.')
param keyVaultAdminObjectId string = ''

@description('Instance memory of the Flex Consumption plan in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Most instances the plan scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('The OpenID Connect authority (issuer URL) whose bearer tokens the app accepts, e.g. the bureau\'s identity provider.')
param signInAuthority string

@description('The audience (application id URI) the tokens must name.')
param signInAudience string = 'api://relief'


@description('Region of the caseworker console\'s Static Web App (the service is offered in a few regions only).')
param consoleLocation string = 'eastasia'

var suffix = uniqueString(resourceGroup().id, baseName)
var storageName = take('st${baseName}${suffix}', 24)
var deploymentContainer = 'app-package'
var beneficiaryKeySecret = 'relief-beneficiary-key'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource packageContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainer
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${baseName}-${suffix}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 90
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${baseName}-${suffix}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: true
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('kv-${baseName}-${suffix}', 24)
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enablePurgeProtection: true
    softDeleteRetentionInDays: 90
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${baseName}-${suffix}'
  location: location
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-${baseName}-${suffix}'
  location: location
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: [
        // Identity-based AzureWebJobsStorage: the host, the Durable Task provider and the app's own clients.
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD' }
        { name: 'WEBSITE_TIME_ZONE', value: 'China Standard Time' }
        { name: 'HeartbeatSchedule', value: '0 */5 * * * *' }
        { name: 'PayrollSchedule', value: '0 0 * * * *' }
        { name: 'ReviewYearlySchedule', value: '0 20 * * * *' }
        { name: 'ReviewHalfYearlySchedule', value: '0 25 * * * *' }
        // Sign-in: tokens of the authority only (never a development key in Azure).
        { name: 'Relief__Auth__Authority', value: signInAuthority }
        { name: 'Relief__Auth__Audience', value: signInAudience }
        { name: 'Relief__Cases__Verification__AnswerQueueName', value: 'economic-verification-answers' }
        { name: 'Relief__Payments__Storage__BatchQueueName', value: 'payment-batches' }
        { name: 'Relief__Payments__Bank__StatusQueueName', value: 'bank-status' }
        { name: 'LeadEscalationSchedule', value: '0 30 * * * *' }
        // Agency feeds (部门数据): one integration queue each; message contracts in functions/Relief.Functions/Feeds/feeds.schema.json.
        { name: 'Relief__Feeds__DeathsQueueName', value: 'feed-deaths' }
        { name: 'Relief__Feeds__DisabilityQueueName', value: 'feed-disability' }
        { name: 'Relief__Feeds__MedicalQueueName', value: 'feed-medical' }
        { name: 'Relief__Feeds__HukouQueueName', value: 'feed-hukou' }
        { name: 'Relief__Feeds__CustodyQueueName', value: 'feed-custody' }
        { name: 'Relief__Feeds__JobsQueueName', value: 'feed-jobs' }
        { name: 'Relief__Cases__Verification__RequestQueueName', value: 'economic-verification-requests' }
        // The secret HMAC key of beneficiary ids: never in app settings, only a Key Vault reference.
        { name: 'Relief__Cases__Beneficiary__Key', value: '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/${beneficiaryKeySecret})' }
      ]
    }
  }
  dependsOn: [packageContainer]
}

// Built-in role definitions the app's identity needs on its storage account and vault.
var roles = {
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [roles.blobDataOwner, roles.queueDataContributor, roles.tableDataContributor]: {
  name: guid(storage.id, app.id, role)
  scope: storage
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
  }
}]

resource vaultReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, app.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
  }
}

resource vaultAdmin 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(keyVaultAdminObjectId)) {
  name: guid(vault.id, keyVaultAdminObjectId, roles.keyVaultSecretsOfficer)
  scope: vault
  properties: {
    principalId: keyVaultAdminObjectId
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsOfficer)
  }
}

resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, app.id, roles.monitoringMetricsPublisher)
  scope: insights
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
  }
}

@description('The function app name (publish the build output to it).')
// The caseworker console (工作台, console/): an Azure Static Web App whose /api is the Functions app (linked backend,
// Standard tier). Publish the folder with `swa deploy ./console --deployment-token <token>`.
resource console 'Microsoft.Web/staticSites@2023-12-01' = {
  name: 'swa-${baseName}-${suffix}'
  location: consoleLocation
  sku: { name: 'Standard', tier: 'Standard' }
  properties: {
    allowConfigFileUpdates: true
    stagingEnvironmentPolicy: 'Disabled'
  }
}

resource consoleApi 'Microsoft.Web/staticSites/linkedBackends@2023-12-01' = {
  parent: console
  name: 'relief-api'
  properties: {
    backendResourceId: app.id
    region: location
  }
}

output functionAppName string = app.name

@description('The Key Vault secret to set with a base64 key of at least 32 bytes before the first start.')
output beneficiaryKeySecretUri string = '${vault.properties.vaultUri}secrets/${beneficiaryKeySecret}'

@description('The console\'s address (its /api goes to the Functions app).')
output consoleHostName string = console.properties.defaultHostname
