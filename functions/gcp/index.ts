import { awsFrontDoor } from "../front-door.ts";
import { registerGcpFunctions } from "./register.ts";

registerGcpFunctions(awsFrontDoor);
