// App Service on Linux running the framework-dependent publish output of src/AiCoachBot.Host on .NET 10.
// The app settings below are the whole configuration the platform gives the app: a test reads them from this
// file (one { name, value } object each), so every other name here comes from a parameter or a variable.

@description('Azure region of the plan and the web app.')
param location string

@description('Name of the App Service plan.')
param planName string

@description('Name of the web app; <name>.azurewebsites.net is the bot\'s host, globally unique.')
param webAppName string

@description('SKU of the App Service plan. Always On needs Basic or higher.')
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

@description('Name of the user-assigned managed identity (bot identity and app identity).')
param identityName string

@description('Entra tenant id of the bot (MicrosoftAppTenantId).')
param tenantId string

@description('Name of the Application Insights component the codeless agent reports to.')
param appInsightsName string

@description('Name of the Key Vault holding retro-pseudonym-key.')
param keyVaultName string

@description('Azure OpenAI v1 endpoint: https://<subdomain>.openai.azure.com/openai/v1/.')
param openAiEndpoint string

@description('Azure OpenAI deployment name, sent as the model.')
param openAiDeploymentName string

@description('Host of the Azure Database for PostgreSQL server that holds the state; empty = the embedded SQLite file in /home/data.')
param postgresHost string = ''

@description('Database on that server.')
param postgresDatabase string = ''

@description('Instances of the web app: more than one needs postgresHost.')
@minValue(1)
param instanceCount int = 1

@description('Tags applied to the plan and the web app.')
param tags object = {}

// Created once by the operator: az keyvault secret set --vault-name <vault> --name retro-pseudonym-key ...
var pseudonymKeySecretName = 'retro-pseudonym-key'

// With a PostgreSQL server, the app signs in as its managed identity (the role has the identity's name): no password.
var postgresSettings = empty(postgresHost) ? [] : [
  {
    name: 'Storage__PostgresConnectionString'
    value: 'Host=${postgresHost};Database=${postgresDatabase};Username=${identityName};SSL Mode=Require'
  }
  {
    name: 'Storage__PostgresEntraAuthentication'
    value: 'true'
  }
  {
    name: 'Storage__PostgresManagedIdentityClientId'
    value: identity.properties.clientId
  }
]

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: empty(postgresHost) ? 1 : instanceCount
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet AiCoachBot.Host.dll'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat([
        {
          name: 'MicrosoftAppId'
          value: identity.properties.clientId
        }
        {
          name: 'MicrosoftAppType'
          value: 'UserAssignedMSI'
        }
        {
          name: 'MicrosoftAppTenantId'
          value: tenantId
        }
        {
          name: 'Urls'
          value: 'http://0.0.0.0:8080'
        }
        {
          name: 'Tenants__Allowed__0'
          value: tenantId
        }
        {
          name: 'Storage__DataDirectory'
          value: '/home/data'
        }
        {
          name: 'Coach__Model__Endpoint'
          value: openAiEndpoint
        }
        {
          name: 'Coach__Model__Model'
          value: openAiDeploymentName
        }
        {
          name: 'Coach__Model__ManagedIdentityClientId'
          value: identity.properties.clientId
        }
        {
          name: 'Retros__PseudonymKey'
          value: '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/${pseudonymKeySecretName}/)'
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'ApplicationInsightsAgent_EXTENSION_VERSION'
          value: '~3'
        }
        {
          name: 'WEBSITES_ENABLE_APP_SERVICE_STORAGE'
          value: 'true'
        }
      ], postgresSettings)
    }
  }
}

@description('Resource id of the web app (the target of zip deploy).')
output id string = webApp.id

@description('Name of the web app.')
output name string = webApp.name

@description('Default host name of the web app, without scheme.')
output defaultHostName string = webApp.properties.defaultHostName
