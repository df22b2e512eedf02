// The Azure Bot registration: its app identity is the user-assigned managed identity (no app registration, no
// client secret), its messaging endpoint is the web app, and it is connected to Microsoft Teams.

@description('Name (handle) of the Azure Bot resource, globally unique.')
@minLength(2)
@maxLength(64)
param botName string

@description('Display name of the bot.')
param displayName string

@description('Pricing tier of the Azure Bot: F0 (free) or S1 (standard).')
@allowed([
  'F0'
  'S1'
])
param sku string = 'F0'

@description('Messaging endpoint: https://<web app host>/api/messages.')
param endpoint string

@description('Client id of the user-assigned managed identity (the bot id).')
param identityClientId string

@description('Resource id of the user-assigned managed identity.')
param identityResourceId string

@description('Entra tenant of the identity.')
param tenantId string

@description('Tags applied to the bot.')
param tags object = {}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityResourceId
    msaAppTenantId: tenantId
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('Name of the Azure Bot resource.')
output name string = bot.name

@description('Resource id of the Azure Bot resource.')
output id string = bot.id
