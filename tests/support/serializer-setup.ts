// Unit tests run the fake Excel with Office.js's own serializer measuring every request.
import { useOfficeSerializer } from "./excel-fake.js";
import { officeSerializer } from "./office-serializer.js";

useOfficeSerializer(officeSerializer);
