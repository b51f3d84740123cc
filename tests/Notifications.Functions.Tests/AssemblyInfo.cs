using Notifications.TestKit;

[assembly: AssemblyFixture(typeof(DevServicesFixture))]
