// Azure OpenAI: one account reached only with Entra ID (local keys off) and one model deployment. The identity
// gets "Cognitive Services OpenAI User", which is what the bot needs to call the deployment.

@description('Name of the Azure OpenAI account; also its custom subdomain (<name>.openai.azure.com), globally unique.')
@minLength(2)
@maxLength(64)
param accountName string

@description('Azure region of the account: one where the model and the deployment SKU are offered.')
param location string

@description('Object id of the identity that gets Cognitive Services OpenAI User.')
param principalId string

@description('Model to deploy.')
param modelName string

@description('Version of the model to deploy.')
param modelVersion string

@description('Capacity of the deployment, in thousands of tokens per minute.')
@minValue(1)
param capacity int

@description('Deployment SKU.')
@allowed([
  'GlobalStandard'
  'DataZoneStandard'
  'Standard'
])
param deploymentSku string = 'GlobalStandard'

@description('Name of the deployment; the app sends it as the model (Coach:Model:Model).')
param deploymentName string = modelName

@description('Tags applied to the account.')
param tags object = {}

var cognitiveServicesOpenAiUserRoleId = '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'
var customSubDomainName = toLower(accountName)

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: accountName
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: customSubDomainName
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource deployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: deploymentName
  sku: {
    name: deploymentSku
    capacity: capacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: modelName
      version: modelVersion
    }
    versionUpgradeOption: 'OnceCurrentVersionExpired'
  }
}

resource openAiUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, principalId, cognitiveServicesOpenAiUserRoleId)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cognitiveServicesOpenAiUserRoleId)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

@description('Name of the Azure OpenAI account.')
output name string = account.name

@description('The v1 endpoint the app calls (Coach:Model:Endpoint): https://<subdomain>.openai.azure.com/openai/v1/.')
output v1Endpoint string = 'https://${customSubDomainName}.openai.azure.com/openai/v1/'

@description('Name of the model deployment (Coach:Model:Model).')
output deploymentName string = deployment.name
