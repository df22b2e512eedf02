// The one user-assigned managed identity of AiCoachBot: the Azure Bot's app identity (msaAppId) and the web
// app's identity for Azure OpenAI, Key Vault references and storage. It has no secret to rotate.

@description('Name of the user-assigned managed identity.')
param identityName string

@description('Azure region of the identity.')
param location string

@description('Tags applied to the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

@description('Resource id of the identity (for identity blocks, msaAppMSIResourceId, keyVaultReferenceIdentity).')
output id string = identity.id

@description('Name of the identity.')
output name string = identity.name

@description('Client (application) id: the bot id and the id Azure.Identity asks tokens for.')
output clientId string = identity.properties.clientId

@description('Object id of the identity\'s service principal, the principal of its role assignments.')
output principalId string = identity.properties.principalId
