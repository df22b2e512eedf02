// AiCoachBot on Azure: one user-assigned managed identity that is both the bot's identity and the app's identity,
// an App Service on Linux (.NET 10) hosting the bot, the Azure Bot registration connected to Teams, Azure OpenAI,
// Key Vault, a storage account, Log Analytics + Application Insights, and with scaleOut an Azure Database for
// PostgreSQL flexible server that several instances share.
// Deployed by the Microsoft 365 Agents Toolkit (m365agents.yml, arm/deploy) into a resource group; the outputs in
// capitals are written to the Toolkit's env/.env.<environment> file and fill the Teams manifest.
// No secret is created or passed here. After the first provision, the operator sets the pseudonym key once:
//   az keyvault secret set --vault-name <KEY_VAULT_NAME> --name retro-pseudonym-key --value "$(openssl rand -base64 32)"
// and restarts the web app so that App Service resolves the Key Vault reference.

targetScope = 'resourceGroup'

@description('Prefix of every resource name: lowercase letters and digits, starting with a letter (it also names the storage account, the Key Vault and the OpenAI subdomain, which are globally unique).')
@minLength(3)
@maxLength(20)
param resourceBaseName string

@description('Azure region of the resources (the Azure Bot itself is global).')
param location string = resourceGroup().location

@description('Display name of the Azure Bot.')
param botDisplayName string = 'AiCoachBot'

@description('Pricing tier of the Azure Bot.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('SKU of the App Service plan (Always On needs Basic or higher).')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param appServiceSku string = 'B1'

@description('Azure region of the Azure OpenAI account: one that offers the model with the GlobalStandard SKU.')
param openAiLocation string = location

@description('Object id of whoever deploys (az ad signed-in-user show --query id -o tsv): given Key Vault Secrets Officer so that they can set the pseudonym key once. Empty = grant it by hand.')
param deployerPrincipalId string = ''

@description('Azure OpenAI model to deploy; the deployment has the same name.')
param openAiModel string = 'gpt-4o-mini'

@description('Version of the Azure OpenAI model.')
param openAiModelVersion string = '2024-07-18'

@description('Capacity of the GlobalStandard deployment, in thousands of tokens per minute.')
@minValue(1)
param openAiCapacity int = 20

@description('Several instances: an Azure Database for PostgreSQL flexible server (Entra sign-in only) holds the state instead of the embedded SQLite file, and the App Service plan runs instanceCount instances.')
param scaleOut bool = false

@description('Instances of the web app with scaleOut (one without it: SQLite is one instance\'s file). B1 allows up to 3.')
@minValue(1)
@maxValue(10)
param instanceCount int = 2

var tags = {
  application: 'AiCoachBot'
}
var baseName = toLower(resourceBaseName)
var tenantId = tenant().tenantId

module identity 'modules/identity.bicep' = {
  name: 'aicoachbot-identity'
  params: {
    identityName: '${baseName}-id'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'aicoachbot-monitoring'
  params: {
    workspaceName: '${baseName}-logs'
    appInsightsName: '${baseName}-appi'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'aicoachbot-storage'
  params: {
    storageAccountName: take('${replace(baseName, '-', '')}st', 24)
    location: location
    principalId: identity.outputs.principalId
    containerName: 'aicoachbot'
    queueName: 'nudges'
    tags: tags
  }
}

module openAi 'modules/openai.bicep' = {
  name: 'aicoachbot-openai'
  params: {
    accountName: '${baseName}-openai'
    location: openAiLocation
    principalId: identity.outputs.principalId
    modelName: openAiModel
    modelVersion: openAiModelVersion
    capacity: openAiCapacity
    deploymentSku: 'GlobalStandard'
    deploymentName: openAiModel
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'aicoachbot-keyvault'
  params: {
    keyVaultName: '${baseName}-kv'
    location: location
    tenantId: tenantId
    principalId: identity.outputs.principalId
    deployerPrincipalId: deployerPrincipalId
    tags: tags
  }
}

module postgres 'modules/postgres.bicep' = if (scaleOut) {
  name: 'aicoachbot-postgres'
  params: {
    serverName: '${baseName}-pg'
    location: location
    identityName: identity.outputs.name
    principalId: identity.outputs.principalId
    tenantId: tenantId
    tags: tags
  }
}

// Takes the vault's name from the keyvault module's output, so the app is created only once its identity may
// read secrets and the Key Vault reference can resolve as soon as the secret exists.
module webApp 'modules/webapp.bicep' = {
  name: 'aicoachbot-webapp'
  params: {
    location: location
    planName: '${baseName}-plan'
    webAppName: '${baseName}-app'
    appServiceSku: appServiceSku
    identityName: identity.outputs.name
    tenantId: tenantId
    appInsightsName: monitoring.outputs.appInsightsName
    keyVaultName: keyVault.outputs.name
    openAiEndpoint: openAi.outputs.v1Endpoint
    openAiDeploymentName: openAi.outputs.deploymentName
    postgresHost: scaleOut ? postgres.outputs.host : ''
    postgresDatabase: scaleOut ? postgres.outputs.databaseName : ''
    instanceCount: scaleOut ? instanceCount : 1
    tags: tags
  }
}

module bot 'modules/bot.bicep' = {
  name: 'aicoachbot-bot'
  params: {
    botName: '${baseName}-bot'
    displayName: botDisplayName
    sku: botSku
    endpoint: 'https://${webApp.outputs.defaultHostName}/api/messages'
    identityClientId: identity.outputs.clientId
    identityResourceId: identity.outputs.id
    tenantId: tenantId
    tags: tags
  }
}

@description('The bot id: client id of the user-assigned managed identity (MicrosoftAppId, manifest botId).')
output BOT_ID string = identity.outputs.clientId

@description('Default host name of the web app (manifest validDomains).')
output BOT_DOMAIN string = webApp.outputs.defaultHostName

@description('Messaging endpoint of the bot.')
output BOT_ENDPOINT string = 'https://${webApp.outputs.defaultHostName}/api/messages'

@description('Resource id of the web app, the target of azureAppService/zipDeploy.')
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.outputs.id

@description('Name of the Key Vault where the operator sets retro-pseudonym-key.')
output KEY_VAULT_NAME string = keyVault.outputs.name

@description('Azure OpenAI v1 endpoint the bot calls.')
output OPENAI_ENDPOINT string = openAi.outputs.v1Endpoint
