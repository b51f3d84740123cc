// Communication Services email delivery reports into the app's queue (DESIGN fan-out): an SMTP 250 only means the
// relay accepted a notice, so each per-recipient report (Microsoft.Communication.EmailDeliveryReportReceived) goes
// through an Event Grid system topic on the ACS resource to the Storage queue that the ReceiveDeliveryReport function
// consumes. Event Grid writes one event per message as plain JSON text (host.json messageEncoding none, ADR 0007).
// The storage account refuses shared keys, so Event Grid delivers with the topic's managed identity, which may only
// add messages to that one queue. UNCONFIRMED until the first deployment: that reports arrive for mail sent through
// the SMTP relay (docs/deploy.md §8).

@description('Name of the Event Grid system topic.')
param topicName string

@description('The Communication Services resource whose email delivery reports are wanted.')
param communicationServiceName string

@description('The app\'s storage account (AzureWebJobsStorage).')
param storageAccountName string

@description('The queue the ReceiveDeliveryReport function\'s trigger listens to (its function.json queueName).')
param queueName string

param tags object = {}

resource communicationService 'Microsoft.Communication/communicationServices@2023-04-01' existing = {
  name: communicationServiceName
}

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2024-01-01' = {
  parent: storage
  name: 'default'
}

// Created here so the subscription has a destination from the start; the function's trigger would create it only later.
resource queue 'Microsoft.Storage/storageAccounts/queueServices/queues@2024-01-01' = {
  parent: queueService
  name: queueName
}

// Communication Services is a global resource, so is its system topic.
resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: topicName
  location: 'global'
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: communicationService.id
    topicType: 'Microsoft.Communication.CommunicationServices'
  }
}

var storageQueueDataMessageSender = 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a'

// Storage Queue Data Message Sender on the one queue: add messages, nothing else (no read, no delete, no other queue).
resource topicSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: queue
  name: guid(queue.id, topic.id, storageQueueDataMessageSender)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataMessageSender)
    principalId: topic.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: 'email-delivery-reports'
  dependsOn: [
    topicSender
  ]
  properties: {
    deliveryWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: storage.id
          queueName: queue.name
          // Seven days, the Storage default: the function takes a report within seconds; a poisoned one is kept apart.
          queueMessageTimeToLiveInSeconds: 604800
        }
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Communication.EmailDeliveryReportReceived'
      ]
    }
    retryPolicy: {
      // Event Grid's own retries while the queue is unreachable, for up to a day.
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

output topicName string = topic.name
output queueName string = queue.name
