@{ ModuleVersion = '{{ModuleVersion}}' }
