// Every test starts three server processes on a 2-core budget: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
