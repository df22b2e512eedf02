// Azure Database for PostgreSQL flexible server, for several instances of the bot (parameter scaleOut in main.bicep).
// Sign-in is Entra ID only: no password exists. The app's managed identity is the server's Entra administrator, so
// that it creates and migrates its tables at its first start; a stricter set-up (a role that may only read and write,
// once the schema exists) is in the README.

@description('Name of the server: 3-63 lowercase letters, digits and hyphens, globally unique.')
@minLength(3)
@maxLength(63)
param serverName string

@description('Azure region of the server.')
param location string

@description('Name of the user-assigned managed identity that signs in (the PostgreSQL role has this name).')
param identityName string

@description('Object id of that identity.')
param principalId string

@description('Entra tenant id of the identity.')
param tenantId string

@description('Compute of the server.')
param skuName string = 'Standard_B1ms'

@description('Tier of the compute.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param skuTier string = 'Burstable'

@description('Tags applied to the server.')
param tags object = {}

var databaseName = 'aicoachbot'

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: serverName
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: '16'
    storage: {
      storageSizeGB: 32
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    authConfig: {
      activeDirectoryAuth: 'Enabled'
      passwordAuth: 'Disabled'
      tenantId: tenantId
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

// 0.0.0.0 - 0.0.0.0 admits connections from Azure services, App Service among them; each still needs an Entra token.
resource azureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: server
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

// The server takes one change at a time: the database after the firewall rule, the administrator after the database.
resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
  dependsOn: [
    azureServices
  ]
}

resource administrator 'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2024-08-01' = {
  parent: server
  name: principalId
  properties: {
    principalType: 'ServicePrincipal'
    principalName: identityName
    tenantId: tenantId
  }
  dependsOn: [
    database
  ]
}

@description('Host name of the server.')
output host string = server.properties.fullyQualifiedDomainName

@description('Name of the database the bot uses.')
output databaseName string = databaseName
